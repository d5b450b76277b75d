package com.caisschool.safeguarding.reporting;

import static com.caisschool.safeguarding.reporting.ReportPage.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.operations.DatabaseAdmission;
import com.caisschool.safeguarding.testing.ApplicationTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A report on the public page is never lost to a limit of the system (issue 18): a long grade,
 * pages of Chinese text, a token that expired while the reporter wrote, a node too busy to take it.
 */
@ApplicationTest
class ReportNeverLostTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ClientRateLimit rateLimit;
  @Autowired DatabaseAdmission admission;
  @Value("${safeguarding.admission.concurrent-requests}") int places;

  @BeforeEach
  @AfterEach
  void fullAllowance() {
    rateLimit.reset();
  }

  private String instanceOf(String code) {
    return jdbc.queryForObject("select process_instance_id from report_receipt where code_hash = ?", String.class,
        ReceiptCodes.hash(code));
  }

  @Test
  void aGradeAsLongAsThePageAllowsIsKept() {
    ReportPage visitor = new ReportPage(port);
    visitor.open("/report");
    String grade = "Grade 4, the class of Mr. Li and Ms. Chen, who share it this term; ".repeat(3).substring(0, 199);
    ReportPage.Reply sent = visitor.post("/report", report("childName", "Long Grade Page-Testchild",
        "childGrade", grade));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(runtimeService.getVariable(instanceOf(sent.receiptCode()), "childGrade")).isEqualTo(grade);
  }

  @Test
  void pagesOfChineseTextAreKeptWhole() {
    String account = "她说她的叔叔晚上会打她，她很害怕回家。".repeat(400);
    ReportPage visitor = new ReportPage(port, "zh-CN,zh;q=0.9");
    visitor.open("/report");
    ReportPage.Reply sent = visitor.post("/report", report("childName", "王小红-Testchild", "whatHappened", account));
    assertThat(sent.status()).as("8,000 Chinese characters, once 413").isEqualTo(200);
    assertThat(runtimeService.getVariable(instanceOf(sent.receiptCode()), "observations")).isEqualTo(account);
  }

  @Test
  void aReportWhoseTokenExpiredComesBackAsTypedInTheReportersLanguageAndSendsAgain() {
    ReportPage opened = new ReportPage(port, "zh-CN,zh;q=0.9");
    opened.open("/report?lang=zh-CN");
    String account = "他在操场上被高年级的学生推倒了好几次。Expired-Token-Account";
    long before = runtimeService.createProcessInstanceQuery().count();
    ReportPage.Reply refused = opened.postWithoutToken("/report?lang=zh-CN",
        report("childName", "Expired Token-Testchild", "whatHappened", account));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("<form").contains(account).contains("Expired Token-Testchild")
        .contains("此页面打开的时间较长");
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);

    ReportPage.Reply sent = opened.post("/report?lang=zh-CN",
        report("childName", "Expired Token-Testchild", "whatHappened", account));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(runtimeService.getVariable(instanceOf(sent.receiptCode()), "observations")).isEqualTo(account);
  }

  @Test
  void aReportSentWhileTheNodeIsBusyComesBackAsTypedInTheReportersLanguageAndSendsAgain() {
    ReportPage opened = new ReportPage(port, "zh-CN,zh;q=0.9");
    opened.open("/report?lang=zh-CN");
    String account = "她说有人在网上威胁她。Busy-Node-Account";
    long before = runtimeService.createProcessInstanceQuery().count();
    List<DatabaseAdmission.Place> everyPlace = new ArrayList<>();
    ReportPage.Reply refused;
    try {
      for (int i = 0; i < places; i++) {
        everyPlace.add(admission.tryEnter().orElseThrow());
      }
      refused = opened.post("/report?lang=zh-CN", report("childName", "Busy Node-Testchild", "whatHappened", account));
    } finally {
      everyPlace.forEach(DatabaseAdmission.Place::close);
    }

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains("<form").contains(account).contains("Busy Node-Testchild")
        .contains("系统繁忙").contains("name=\"_csrf\"");
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);

    ReportPage.Reply sent = opened.post("/report?lang=zh-CN",
        report("childName", "Busy Node-Testchild", "whatHappened", account));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(runtimeService.getVariable(instanceOf(sent.receiptCode()), "observations")).isEqualTo(account);
  }

  @Test
  void aPostTooLargeForThePageIsRefusedInTheReportersLanguageSayingWhereTheTextStillIs() {
    ReportPage opened = new ReportPage(port, "zh-CN,zh;q=0.9");
    opened.open("/report?lang=zh-CN");
    long before = runtimeService.createProcessInstanceQuery().count();
    // Over max-request-bytes: more than the page's own fields allow (9 bytes a character, form-encoded).
    ReportPage.Reply refused = opened.post("/report?lang=zh-CN", report("whatHappened", "中".repeat(130_000)));
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.body()).contains("没有保存").contains("返回").contains("110");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void thePageHasAContentSecurityPolicyWithoutScripts() {
    ReportPage.Reply page = new ReportPage(port).open("/report");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
        assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
  }
}
