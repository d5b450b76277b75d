package com.caisschool.safeguarding.browser;

import static com.caisschool.safeguarding.browser.BrowserSuiteTest.field;
import static com.caisschool.safeguarding.browser.BrowserSuiteTest.withEvidence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Chinese for staff and the webapps' rough edges, in a real browser (README "Languages"): a
 * teacher whose language is Chinese logs in, sees Tasklist in Chinese with no raw label keys,
 * the processes' names in Chinese, reports a concern through the Chinese start form (a Chinese
 * required-field message, the date typed in the school's format), sees the confirmation with the
 * case reference and who has been alerted in Chinese, and logs out onto the application's log-in
 * page; an administrator who lands on Tasklist gets the page that sends them to Admin; on a
 * phone the public page's receipt code stays on one line.
 */
@ApplicationTest
class LanguagesBrowserTest {

  static final String CHILD = "Lan Browser-Testchild";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeAll
  static void browserIsInstalled() {
    Browser.requireInstalled();
  }

  @Test
  void aChineseTeacherReportsInChineseAndLogsOutToTheLogInPage() {
    try (Browser teacher = Browser.start()) {
      withEvidence(teacher, "chinese-teacher", () -> {
        teacher.open(url("/login?lang=zh-CN"));
        assertThat(teacher.find(By.id("in-danger-now")).getText()).contains("报警").contains("110");
        teacher.type(By.id("username"), "liwei");
        teacher.type(By.id("password"), "demo");
        teacher.click(By.id("log-in"));
        teacher.until(driver -> driver.getCurrentUrl().contains("/start"));
        teacher.open(url("/camunda/app/tasklist/"));
        teacher.find(By.cssSelector(".task-filter"));

        // A fresh browser: the labels are loaded before Tasklist starts, so no key shows raw.
        assertThat(teacher.find(By.cssSelector(".start-process-action a")).getText()).contains("开始流程");
        // The sort label (by priority) and the search field are labels a widget translates once, when it appears.
        teacher.until(driver -> driver.findElement(By.tagName("body")).getText().contains("优先级"));
        assertThat(teacher.find(By.cssSelector("input.main-field")).getAttribute("placeholder"))
            .isEqualTo("筛选任务");
        String tasklist = teacher.find(By.tagName("body")).getText();
        assertThat(tasklist).doesNotContain("CREATION_DATE").doesNotContain("SEARCH_PLACEHOLDER")
            .doesNotContainPattern("\\b[A-Z]{3,}_[A-Z_]{3,}\\b");
        teacher.screenshot(BrowserSuiteTest.IMAGES.resolve("tasklist-chinese.png"));

        // The processes to start have their Chinese names (processes/i18n/zh-CN.json).
        teacher.click(By.cssSelector(".start-process-action a"));
        teacher.until(driver -> driver.findElement(By.cssSelector(".modal-dialog")).getText().contains("儿童保护担忧"));
        assertThat(teacher.find(By.cssSelector(".modal-dialog")).getText()).doesNotContain("Safeguarding concern");
        // The dialog's search finds a process by a part of its Chinese name (language/ProcessNameSearch).
        By search = By.cssSelector(".modal-dialog input[ng-model='page.searchValue']");
        teacher.type(search, "欺凌");
        teacher.until(driver -> {
          String listed = driver.findElement(By.cssSelector(".modal-dialog")).getText();
          return listed.contains("学生之间的欺凌或网络欺凌") && !listed.contains("儿童保护担忧");
        });
        teacher.type(search, "担忧");
        teacher.until(driver -> driver.findElement(By.cssSelector(".modal-dialog")).getText().contains("儿童保护担忧"));
        teacher.click(By.partialLinkText("儿童保护担忧"));
        assertThat(teacher.find(By.cssSelector(".fjs-form")).getText())
            .contains("报告儿童保护担忧").contains("孩子的姓名").contains("孩子现在处于紧急危险中");
        // The form library's own words are Chinese: an empty required answer says so in Chinese.
        teacher.find(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
        teacher.until(driver -> driver.findElement(By.cssSelector(".fjs-form")).getText().contains("此项为必填项。"));
        assertThat(teacher.find(By.cssSelector(".fjs-form")).getText()).doesNotContain("Field is required");
        // Dates are typed in the school's format (safeguarding.school-date-format), not mm/dd/yyyy.
        assertThat(teacher.find(By.cssSelector("input[id*='field_concernAroseAt_'][id$='-date']"))
            .getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
        teacher.type(field("childName"), CHILD);
        // Leaving a field redraws the form without its error (the fields below move up): leave it
        // before clicking below it, as a person does.
        teacher.type(field("childGrade"), "四年级" + Keys.TAB);
        teacher.click(By.cssSelector("input[id*='field_categories_'][id$='-0']"));
        teacher.click(By.cssSelector("input[id*='field_concernAbout_'][id$='-1']"));
        String yesterday = LocalDate.now().minusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd"));
        teacher.type(By.cssSelector("input[id*='field_concernAroseAt_'][id$='-date']"), yesterday + Keys.TAB);
        teacher.type(By.cssSelector("input[id*='field_concernAroseAt_'][id$='-time']"), "09:30" + Keys.TAB);
        teacher.type(field("location"), "操场" + Keys.TAB);
        teacher.type(field("observations"), "孩子两只手腕上都有淤青");
        assertThat(teacher.find(By.cssSelector("input[id*='field_concernAroseAt_'][id$='-date']")).getAttribute("value"))
            .isEqualTo(yesterday);
        teacher.screenshot(BrowserSuiteTest.IMAGES.resolve("teacher-report-chinese.png"));
        teacher.find(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
        teacher.until(driver -> driver.findElements(By.cssSelector(".modal-dialog")).isEmpty());
        ProcessInstance concern = await().atMost(Duration.ofSeconds(30)).until(() -> concernAbout(CHILD),
            instance -> instance != null);
        // The confirmation in Chinese, in the glossary's terms.
        BrowserSuiteTest.seeTheConfirmationInTasklist(teacher, concern, CHILD, managementService, "个案编号：",
            "儿童保护负责人", "teacher-confirmation-chinese.png");

        // Log out from the webapp's own menu: the application's log-in page opens.
        teacher.click(By.cssSelector("[cam-widget-header] .account .dropdown-toggle"));
        assertThat(teacher.find(By.cssSelector("[cam-widget-header] li.logout a")).getText()).isEqualTo("退出登录");
        teacher.click(By.cssSelector("[cam-widget-header] li.logout a"));
        teacher.until(driver -> driver.getCurrentUrl().endsWith("/login?logout"));
        assertThat(teacher.find(By.id("logged-out")).isDisplayed()).isTrue();
        assertThat(teacher.all(By.id("log-in"))).hasSize(1);
      });
    }
  }

  @Test
  void anAdministratorWhoOpensTasklistIsSentToAdmin() {
    try (Browser admin = Browser.start()) {
      withEvidence(admin, "admin-no-access", () -> {
        admin.open(url("/login"));
        admin.type(By.id("username"), "admin");
        admin.type(By.id("password"), "demo");
        admin.click(By.id("log-in"));
        admin.until(driver -> driver.getCurrentUrl().contains("/start"));
        admin.open(url("/camunda/app/tasklist/"));
        assertThat(admin.find(By.id("no-access")).getText()).contains("This page is not part of your role")
            .doesNotContain("Whitelabel");
        admin.click(By.id("go-admin"));
        admin.find(By.cssSelector("[cam-widget-header]"));
        assertThat(admin.driver.getCurrentUrl()).contains("/camunda/app/admin/");
      });
    }
  }

  @Test
  void onAPhoneTheReceiptCodeStaysOnOneLine() {
    try (Browser phone = Browser.start()) {
      withEvidence(phone, "receipt-phone", () -> {
        phone.driver.manage().window().setSize(new Dimension(320, 640));
        phone.open(url("/report?lang=zh-CN"));
        phone.type(By.id("childName"), "一个五年级的女孩");
        phone.type(By.id("whatHappened"), "她说在家里被打了");
        phone.click(By.cssSelector("input[name='dangerNow'][value='no']"));
        phone.click(By.cssSelector("form button[type='submit'], form input[type='submit']"));

        WebElement code = phone.find(By.id("receipt-code"));
        Number lines = (Number) phone.driver.executeScript(
            "const range = document.createRange(); range.selectNodeContents(arguments[0]);"
                + " return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;", code);
        assertThat(lines.intValue()).as("lines of the receipt code %s", code.getText()).isEqualTo(1);
        Boolean fits = (Boolean) phone.driver.executeScript(
            "return arguments[0].scrollWidth <= arguments[0].clientWidth;", code);
        assertThat(fits).as("the whole code is visible").isTrue();
        phone.screenshot(BrowserSuiteTest.IMAGES.resolve("receipt-phone.png"));
      });
    }
  }

  private ProcessInstance concernAbout(String child) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").list().stream()
        .filter(instance -> child.equals(runtimeService.getVariable(instance.getId(), "childName")))
        .findFirst().orElse(null);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
