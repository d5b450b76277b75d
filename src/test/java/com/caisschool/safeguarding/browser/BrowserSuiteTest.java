package com.caisschool.safeguarding.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps as people meet them, in a real browser (Debian's Chromium): a teacher logs in on the
 * application's log-in page, starts "Report a safeguarding concern" in Tasklist and fills the
 * rendered Camunda Form (a required field left empty is named) and, after "Start", sees the
 * confirmation with the case reference and who has been alerted; the CPO finds the case under
 * "Triage", claims it and completes triage in the rendered form, then opens the case in Cockpit and
 * sees it waiting at the Case Study Team, then finds it on the overview, overdue once its deadline
 * has passed, and the child by name. No migration banner anywhere, each role's filters present.
 * The screenshots go to target/browser/screenshots; to refresh the README's pictures, run with
 * {@code -Dbrowser.screenshots=docs/images}.
 */
@ApplicationTest
// First of the shared application's tests: the CPO's Triage list then holds this case on its first
// screen, as it would at a school, rather than below the cases the other tests leave open.
@Order(1)
class BrowserSuiteTest {

  static final Path IMAGES = Path.of(System.getProperty("browser.screenshots", "target/browser/screenshots"));
  static final String CHILD = "Mira Browser-Testchild";
  static final List<String> CPO_FILTERS = List.of("Urgent", "Overdue", "Triage", "Case Study Team",
      "Monitoring reviews due", "My tasks");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

  @BeforeAll
  static void browserIsInstalled() {
    Browser.requireInstalled();
  }

  @Test
  void teacherReportsCpoTriagesAndFindsTheCaseInCockpit() {
    ProcessInstance concern;
    try (Browser teacher = Browser.start()) {
      withEvidence(teacher, "teacher", () -> reportAsTeacher(teacher));
      concern = await().atMost(Duration.ofSeconds(30)).until(() -> concernAbout(CHILD), instance -> instance != null);
      withEvidence(teacher, "teacher-confirmation", () -> {
        seeTheConfirmationInTasklist(teacher, concern, CHILD, managementService, "Case reference: ",
            "Child Protection Officer", "teacher-confirmation-tasklist.png");
        seeTheReportOnTheStartPage(teacher, concern.getBusinessKey());
      });
    }
    String reference = concern.getBusinessKey();
    assertThat(reference).startsWith("SC-");

    try (Browser cpo = Browser.start()) {
      withEvidence(cpo, "cpo", () -> {
        triageAsCpo(cpo, reference);
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.getActiveActivityIds(concern.getId())
            .contains("user_task_case_study_team"));
        seeInCockpit(cpo, concern.getId());
        findOnTheOverview(cpo, concern);
      });
    }
  }

  /**
   * The CPO finds the case from the overview: due this week, then, once its deadline has passed
   * (the engine clock moved past it), among the overdue tasks, linked to its case file; and the
   * child by name.
   */
  private void findOnTheOverview(Browser cpo, ProcessInstance concern) {
    String reference = concern.getBusinessKey();
    cpo.open(url("/overview"));
    WebElement open = cpo.find(By.id("open-cases"));
    assertThat(open.getText()).contains("Case Study Team decision");
    assertThat(cpo.find(By.id("due-soon")).getText()).contains(reference);
    Task decision = taskService.createTaskQuery().processInstanceId(concern.getId())
        .taskDefinitionKey("user_task_case_study_team").singleResult();
    try {
      EngineClock.passTime(Duration.between(ClockUtil.getCurrentTime().toInstant(), decision.getDueDate().toInstant())
          .plusHours(1));
      cpo.open(url("/overview"));
      By overdue = By.xpath("//section[@id='overdue-tasks']//tr[contains(@class,'task-line')][contains(., '" + reference + "')]"
          + "[contains(., 'Case Study Team decision')]");
      assertThat(cpo.find(overdue).getText()).contains("Case Study Team decision").doesNotContain(CHILD);
      cpo.screenshot(IMAGES.resolve("cpo-overview.png"));
      cpo.click(By.xpath("//section[@id='overdue-tasks']//a[contains(@class,'case-link')][.='" + reference + "']"));
      assertThat(cpo.find(By.tagName("h1")).getText()).isEqualTo("Case " + reference);
    } finally {
      EngineClock.reset();
    }
    cpo.open(url("/overview"));
    cpo.type(By.name("child"), CHILD);
    cpo.click(By.id("find-child"));
    cpo.click(By.xpath("//section[@id='child-search']//a[contains(., '" + reference + "')]"));
    assertThat(cpo.find(By.tagName("h1")).getText()).isEqualTo("Case " + reference);
    // The case file reads as a document: names, not codes; the time zone named.
    String page = cpo.find(By.tagName("body")).getText();
    assertThat(page).contains("Times are").contains("Asia/Shanghai").contains("Triage the concern")
        .doesNotContain("safeguarding-concern").doesNotContain("user_task_");
    cpo.screenshot(IMAGES.resolve("case-file.png"));
  }

  private void reportAsTeacher(Browser teacher) {
    landOnStartPage(teacher, url(""), "teacher");
    // One clear entry; the other reports a teacher may start are named by when to use them.
    assertThat(teacher.all(By.cssSelector("a.start-report"))).hasSize(1);
    assertThat(teacher.all(By.cssSelector("a.start-process")).stream().map(WebElement::getText).toList())
        .anyMatch(name -> name.startsWith("Self-harm or suicidal thoughts"));
    teacher.screenshot(IMAGES.resolve("teacher-start.png"));
    teacher.click(By.cssSelector("a.start-report"));
    teacher.find(By.cssSelector(".fjs-form-field"));
    assertNoMigrationBanner(teacher);
    assertThat(filters(teacher)).containsExactly("My tasks");
    // The danger question comes first; the channels' own reporter types are not offered.
    assertThat(teacher.all(By.cssSelector(".fjs-form-field input")).get(0).getAttribute("id")).contains("field_immediateDanger_");
    assertThat(teacher.find(By.cssSelector(".modal-dialog")).getText()).doesNotContain("Email to the CPO mailbox")
        .doesNotContain("Public report page");

    teacher.type(field("childName"), CHILD);
    teacher.type(field("childGrade"), "Grade 4");
    teacher.click(By.cssSelector("input[id*='field_categories_'][id$='-0']"));
    teacher.click(By.cssSelector("input[id*='field_concernAbout_'][id$='-1']"));
    String yesterday = LocalDate.now().minusDays(1).format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
    teacher.type(By.cssSelector("input[id*='field_concernAroseAt_'][id$='-date']"), yesterday + Keys.TAB);
    teacher.type(By.cssSelector("input[id*='field_concernAroseAt_'][id$='-time']"), "09:30" + Keys.TAB);
    teacher.type(field("observations"), "Bruises on both wrists, child flinched when approached");

    // "Where did it happen?" is required and still empty: the form says so and nothing starts.
    startButton(teacher).click();
    WebElement error = teacher.find(By.cssSelector("[id*='field_location_'][id$='-error-message']"));
    assertThat(error.getText()).containsIgnoringCase("required");
    assertThat(concernAbout(CHILD)).isNull();

    teacher.type(field("location"), "Playground" + Keys.TAB);
    teacher.until(driver -> driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .noneMatch(WebElement::isDisplayed));
    teacher.driver.executeScript("arguments[0].scrollIntoView({block: 'start'});",
        teacher.find(By.cssSelector(".modal-dialog")));
    teacher.screenshot(IMAGES.resolve("teacher-report.png"));
    startButton(teacher).click();
    teacher.until(driver -> driver.findElements(By.cssSelector(".modal-dialog")).isEmpty());
  }

  /**
   * Right after "Start", Tasklist confirms the report with its case reference, then, once the
   * alerts are sent, who has been alerted (by role, in the teacher's language); never the child.
   */
  static void seeTheConfirmationInTasklist(Browser teacher, ProcessInstance concern, String child,
      ManagementService jobs, String referenceLabel, String alertedRole, String screenshot) {
    String reference = concern.getBusinessKey();
    teacher.until(driver -> driver.findElements(By.cssSelector("#report-confirmation .report-confirmation-reference"))
        .stream().anyMatch(line -> line.getText().equals(referenceLabel + reference)));
    // The alerts are sent by the engine's jobs (no job executor in the tests); the script asks again.
    DueJobs.run(jobs, concern.getId());
    teacher.until(driver -> driver.findElement(By.cssSelector("#report-confirmation .report-confirmation-alerted"))
        .getText().contains(alertedRole));
    WebElement confirmation = teacher.find(By.id("report-confirmation"));
    assertThat(confirmation.getText()).doesNotContain(child);
    teacher.screenshot(IMAGES.resolve(screenshot));
    teacher.click(By.cssSelector("#report-confirmation .report-confirmation-close"));
    teacher.until(driver -> driver.findElements(By.id("report-confirmation")).isEmpty());
  }

  /** Back on the start page, the report is listed with its case reference and the roles alerted. */
  private void seeTheReportOnTheStartPage(Browser teacher, String reference) {
    teacher.open(url("/start"));
    WebElement row = teacher.find(By.xpath("//tr[contains(@class,'own-report')][contains(., '" + reference + "')]"));
    assertThat(row.getText()).contains("Child Protection Officer").doesNotContain(CHILD);
    teacher.screenshot(IMAGES.resolve("teacher-confirmation.png"));
  }

  private void triageAsCpo(Browser cpo, String reference) {
    logIn(cpo, "cpo");
    assertNoMigrationBanner(cpo);
    assertThat(filters(cpo)).containsExactlyInAnyOrderElementsOf(CPO_FILTERS);

    cpo.click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[normalize-space(text())='Triage']"));
    // The filter shows each task's case reference: the CPO picks the case by it, never by a name.
    By task = By.xpath("//li[contains(@class,'task')][contains(., '" + reference + "')]");
    // Its deadline and reminder come from the model (the triage timer's deadline).
    // (Lower case: Tasklist sometimes paints a label before its translation has loaded.)
    assertThat(cpo.find(task).getText().toLowerCase()).contains("due").contains("follow");
    // Issue 23: the CPO's card tells cases apart by category, danger flag and grade, never a name;
    // the list is sorted by priority and says so.
    cpo.until(driver -> driver.findElement(task).getText().contains("Physical abuse"));
    assertThat(cpo.find(task).getText()).contains("Grade 4").contains("No").doesNotContain(CHILD);
    assertThat(cpo.find(By.cssSelector("[cam-sorting-choices]")).getText()).contains("Priority").doesNotContain("Created");
    cpo.screenshot(IMAGES.resolve("cpo-task-cards.png"));
    cpo.click(By.xpath("//li[contains(@class,'task')][contains(., '" + reference + "')]//a[contains(@class,'ng-binding')]"));
    // The task's description (from the model) names the case reference and what to do.
    cpo.click(tab("description"));
    assertThat(cpo.find(By.cssSelector(".description-pane")).getText())
        .startsWith("Case " + reference + ":").doesNotContain(CHILD);
    cpo.click(tab("form"));
    cpo.click(By.xpath("//*[contains(@class,'task-details')]//a[" + LOWER_CASE + "='claim'] | //button[" + LOWER_CASE + "='claim']"));
    cpo.find(field("initialFacts"));
    cpo.until(driver -> driver.findElement(field("initialFacts")).isEnabled());

    cpo.type(field("initialFacts"), "Class teacher confirms the bruises; no earlier concerns on file");
    cpo.click(By.cssSelector("input[id*='field_authorityReportDue_'][id$='-1']"));
    cpo.click(By.cssSelector("input[id*='field_triageDecision_'][id$='-0']"));
    cpo.type(field("triageRationale"), "Pattern of injuries needs the Case Study Team");
    cpo.screenshot(IMAGES.resolve("cpo-triage.png"));
    cpo.click(By.cssSelector("button[ng-click='complete()']"));
  }

  private void seeInCockpit(Browser cpo, String processInstanceId) {
    String page = url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
    // No reload: Cockpit's blank first load was a CSP nonce swapped by a concurrent request
    // (webapps/RequestScopedCspNonce, CspNonceTest), not slowness.
    cpo.open(page);
    cpo.find(By.cssSelector(".djs-container"));
    // Cockpit marks the activity a case waits at with a badge on the diagram.
    cpo.find(By.cssSelector(".djs-overlay-container [data-container-id='user_task_case_study_team'] .badge"));
    assertNoMigrationBanner(cpo);
    cpo.screenshot(IMAGES.resolve("cockpit.png"));
  }

  private void logIn(Browser browser, String user) {
    logIn(browser, url(""), user);
  }

  /** Logs in on the application's page at {@code baseUrl}, lands on "Report a concern", then opens Tasklist. */
  static void logIn(Browser browser, String baseUrl, String user) {
    landOnStartPage(browser, baseUrl, user);
    browser.click(By.linkText("My tasks (Tasklist)"));
    browser.find(By.cssSelector(".task-filter"));
    assertThat(browser.find(By.cssSelector("[cam-widget-header]")).getText()).contains("CAIS Safeguarding");
  }

  /** Logs in; the first page is "Report a concern" (issue 23). */
  static void landOnStartPage(Browser browser, String baseUrl, String user) {
    browser.open(baseUrl + "/login");
    assertThat(browser.find(By.id("in-danger-now")).getText()).contains("110").contains("in person");
    browser.type(By.id("username"), user);
    browser.type(By.id("password"), "demo");
    browser.click(By.id("log-in"));
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Report a concern");
  }

  private static void assertNoMigrationBanner(Browser browser) {
    browser.find(By.cssSelector("[cam-widget-header]"));
    assertThat(browser.all(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
        .as("the Camunda 8 migration banner").isEmpty();
    assertThat(browser.driver.getPageSource()).doesNotContain("migrate to Camunda 8");
  }

  private static List<String> filters(Browser browser) {
    browser.until(driver -> driver.findElements(By.cssSelector(".task-filter h4.name a")).size() > 0);
    return browser.all(By.cssSelector(".task-filter h4.name a")).stream()
        .map(link -> link.getText().replaceAll("\\s*\\d+$", "").trim()).toList();
  }

  /** An element's text in lower case (XPath 1), to match a label whatever its letter case. */
  static final String LOWER_CASE =
      "translate(normalize-space(.), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

  /** A tab of Tasklist's task view, by its label in any letter case. */
  static By tab(String label) {
    return By.xpath("//ul[contains(@class,'nav-tabs')]//a[" + LOWER_CASE + "='" + label + "']");
  }

  private static WebElement startButton(Browser browser) {
    return browser.find(By.cssSelector("button[ng-click='startProcessInstance()']"));
  }

  static By field(String key) {
    return By.cssSelector("[id*='field_" + key + "_']:not([id$='-description']):not([id$='-error-message'])");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  static void withEvidence(Browser browser, String name, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError failure) {
      browser.keepEvidence(name);
      throw failure;
    }
  }

  /**
   * The running concern about the child. Names are stored encrypted (atrest), so they cannot be
   * searched by value in the engine: each concern's name is read instead.
   */
  private ProcessInstance concernAbout(String child) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").list().stream()
        .filter(instance -> child.equals(runtimeService.getVariable(instance.getId(), "childName")))
        .findFirst().orElse(null);
  }
}
