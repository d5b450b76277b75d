package com.caisschool.safeguarding.reporting;

import static com.caisschool.safeguarding.reporting.ReportPage.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public report page through real HTTP against the running application: students, parents and
 * the community report without logging in, anonymously if they wish, get a receipt code, and with
 * it see only a coarse status and add information for the CPO.
 */
@ApplicationTest
class PublicReportPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ClientRateLimit rateLimit;
  @Autowired PublicReportProperties limits;

  ReportPage visitor;

  @BeforeEach
  void setUp() {
    // Every test comes from the same address: each starts with a fresh allowance.
    rateLimit.reset();
    visitor = new ReportPage(port);
  }

  @AfterEach
  void leaveTheAllowanceFull() {
    // Other test classes share this application: they must not inherit an exhausted limit.
    rateLimit.reset();
  }

  @Test
  void anonymousReportStartsAConcernForCpoTriageAndKeepsNoName() {
    ReportPage.Reply page = visitor.open("/report");
    assertThat(page.status()).isEqualTo(200);

    ReportPage.Reply sent = visitor.post("/report", report(
        "reporterName", "Typed-But-Anonymous", "categories", "physical-abuse", "concernAbout", "family-member"));

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    String code = sent.receiptCode();
    String instanceId = instanceOf(code);
    Map<String, Object> variables = runtimeService.getVariables(instanceId);
    assertThat(variables).containsEntry("reporterType", "public-page").containsEntry("reporterRole", "anonymous")
        .containsEntry("childName", "Ana Ortega-Testchild").containsEntry("concernAbout", "family-member")
        .containsEntry("categories", "physical-abuse").containsEntry("immediateDanger", false)
        .containsEntry("observations", "She has bruises on her arms and says her uncle hits her")
        .doesNotContainKeys("reporterName", "reporterContact");
    assertThat(variables.values()).doesNotContain("Typed-But-Anonymous");
    assertThat((String) variables.get("caseReference")).startsWith("SC-");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getStartUserId()).as("nobody was logged in").isNull();
    assertThat(taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("user_task_cpo_triage").taskCandidateGroup("cpo").count()).isOne();
    assertThat(jdbc.queryForObject("select count(*) from report_receipt where code_hash = ?", Integer.class, code))
        .as("the code itself is never stored").isZero();
  }

  @Test
  void namedReportIsKeptForTheCpoWhoAloneSeesTheReportersNameInTheCaseFile() {
    visitor.open("/report");
    ReportPage.Reply sent = visitor.post("/report", report("reporterRole", "parent",
        "reporterName", "Lena Ortega", "reporterContact", "lena@example.invalid", "dangerNow", "yes",
        "whenHappened", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).toString()));

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.body()).as("someone in danger now: the numbers to call").contains("tel:110").contains("tel:120");
    String instanceId = instanceOf(sent.receiptCode());
    RestApi.Reply variables = RestApi.as(port, "cpo", "demo").get("/process-instance/" + instanceId + "/variables");
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.body()).as("who reported is not a case variable").doesNotContain("Lena Ortega")
        .doesNotContain("lena@example.invalid");
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
    assertThat(WebappSession.loggedIn(port, "cpo", "demo").page("/casefile/cases/" + reference).body())
        .contains("Lena Ortega").contains("lena@example.invalid");
    assertThat(variables.json().path("reporterRole").path("value").asText()).isEqualTo("parent");
    assertThat(variables.json().path("immediateDanger").path("value").asBoolean()).isTrue();
    assertThat(variables.json().path("reportedLate").path("value").asBoolean()).as("three days ago").isTrue();
    assertThat(RestApi.as(port, "teacher", "demo").get("/process-instance/" + instanceId + "/variables").status())
        .as("a teacher sees no case").isNotEqualTo(200);
  }

  @Test
  void receiptCodeShowsOnlyTheCoarseStatusAndAddsInformationForTheCpo() {
    visitor.open("/report");
    String code = visitor.post("/report", report()).receiptCode();
    String instanceId = instanceOf(code);

    visitor.open("/report/status");
    ReportPage.Reply received = visitor.post("/report/status", "code", code.toLowerCase().replace("-", " "));
    assertThat(received.status()).isEqualTo(200);
    assertThat(received.body()).contains("data-status=\"RECEIVED\"")
        .doesNotContain("Ana Ortega").doesNotContain("bruises").doesNotContain("SC-");

    ReportPage.Reply added = visitor.post("/report/status/add", "code", code,
        "information", "He also has a burn on his hand <b>today</b>");
    assertThat(added.body()).contains("Your information has been added").doesNotContain("burn on his hand");
    Task read = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("user_task_read_reporter_information").singleResult();
    assertThat(read).isNotNull();
    assertThat(taskService.getVariable(read.getId(), "reporterUpdate"))
        .isEqualTo("He also has a burn on his hand <b>today</b>");
    DueJobs.run(managementService, instanceId);
    assertThat(jdbc.queryForObject(
        "select count(*) from notification where process_instance_id = ? and kind = 'reporter-added-information'",
        Integer.class, instanceId)).isOne();

    Task triage = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("user_task_cpo_triage").singleResult();
    taskService.claim(triage.getId(), "cpo");
    assertThat(visitor.post("/report/status", "code", code).body()).contains("data-status=\"BEING_HANDLED\"");

    runtimeService.deleteProcessInstance(instanceId, "test: case closed");
    ReportPage.Reply closed = visitor.post("/report/status", "code", code);
    assertThat(closed.body()).contains("data-status=\"CLOSED\"");
    ReportPage.Reply notAdded = visitor.post("/report/status/add", "code", code, "information", "More");
    assertThat(notAdded.body()).contains("so nothing was added").doesNotContain("/report/status/add");
  }

  @Test
  void aWrongCodeRevealsNothingAndAddsNothing() {
    visitor.open("/report");
    String code = visitor.post("/report", report()).receiptCode();
    String instanceId = instanceOf(code);
    String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);

    ReportPage.Reply wellFormed = visitor.post("/report/status", "code", wrong);
    ReportPage.Reply malformed = visitor.post("/report/status", "code", "' or 1=1 --");
    ReportPage.Reply empty = visitor.post("/report/status", "code", "");
    ReportPage.Reply addition = visitor.post("/report/status/add", "code", wrong, "information", "Planted text");

    for (ReportPage.Reply reply : List.of(wellFormed, malformed, empty, addition)) {
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.withoutToken()).isEqualTo(wellFormed.withoutToken());
      assertThat(reply.body()).contains("We cannot show anything for this code").doesNotContain("data-status");
    }
    assertThat(taskService.createTaskQuery().taskDefinitionKey("user_task_read_reporter_information")
        .processInstanceId(instanceId).count()).isZero();
  }

  @Test
  void oversizeMalformedAndForgedInputIsRefusedAndStartsNothing() {
    long before = receipts();
    visitor.open("/report");

    int max = limits.maxTextLength();
    ReportPage.Reply tooLong = visitor.post("/report", report("whatHappened", "x".repeat(max + 1)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("at most " + max + " characters (you wrote " + (max + 1) + ")")
        .contains("x".repeat(max + 1));

    // Over max-request-bytes (form-encoded, a Chinese character takes 9 bytes).
    ReportPage.Reply tooLarge = visitor.post("/report", report("whatHappened", "中".repeat(130_000)));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("too large");

    for (String[] bad : List.of(report("reporterRole", "administrator"), report("categories", "witchcraft"),
        report("concernAbout", "the-janitor"), report("dangerNow", "maybe"), report("whenHappened", "last Monday"),
        report("whenHappened", LocalDate.now().plusDays(2).toString()), report("childName", " "),
        report("whatHappened", ""))) {
      ReportPage.Reply refused = visitor.post("/report", bad);
      assertThat(refused.status()).as(String.join(",", bad)).isEqualTo(400);
      assertThat(refused.body()).contains("Nothing has been sent yet");
    }

    assertThat(visitor.postWithoutToken("/report", report()).status()).as("no CSRF token").isEqualTo(403);
    assertThat(receipts()).isEqualTo(before);
  }

  @Test
  void scriptIsEchoedEscapedAndStoredAsInertText() {
    String script = "<script>alert('x')</script>";
    visitor.open("/report");

    ReportPage.Reply reshown = visitor.post("/report", report("childName", script, "whatHappened", ""));
    assertThat(reshown.status()).isEqualTo(400);
    assertThat(reshown.body()).doesNotContain(script).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");

    ReportPage.Reply sent = visitor.post("/report", report("whatHappened", script + " Ana was hit"));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).doesNotContain("<script>");
    assertThat(runtimeService.getVariable(instanceOf(sent.receiptCode()), "observations"))
        .as("kept as the plain text typed; never rendered as HTML by the page").isEqualTo(script + " Ana was hit");
  }

  @Test
  void rateLimitPerClientAnswers429WithAFriendlyPage() {
    visitor.open("/report/status");
    for (int i = 0; i < 20; i++) {
      assertThat(visitor.post("/report/status", "code", "NOPE-" + i).status()).isEqualTo(200);
    }

    ReportPage.Reply limited = visitor.post("/report/status", "code", "NOPE");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("Too many attempts").contains("tel:110");
    assertThat(visitor.post("/report", report()).status()).as("reports too").isEqualTo(429);
    assertThat(visitor.open("/report").status()).as("reading the page is not limited").isEqualTo(200);
  }

  @Test
  void pageIsPublicStatelessAndStrictAboutScripts() {
    ReportPage.Reply page = visitor.open("/report");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ReportingConfig.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION"))
        .anyMatch(cookie -> cookie.startsWith("REPORT-XSRF") && cookie.contains("HttpOnly"));
    assertThat(page.body()).doesNotContain("<script").contains("tel:110").contains("cpo@caisschool.com")
        .contains("<html lang=\"en\"");
    assertThat(visitor.open("/report/report.css").status()).isEqualTo(200);
    assertThat(visitor.open("/report/status").status()).isEqualTo(200);
  }

  @Test
  void chineseBrowsersGetSimplifiedChineseAndEveryoneCanSwitch() {
    ReportPage chinese = new ReportPage(port, "zh-CN,zh;q=0.9,en;q=0.5");

    ReportPage.Reply page = chinese.open("/report");
    assertThat(page.body()).contains("<html lang=\"zh-CN\"").contains("报告对孩子的担忧").contains("现在有人处于危险中吗")
        .contains("报警").contains("href=\"/report?lang=en\"");
    assertThat(chinese.open("/report?lang=en").body()).contains("Report a worry about a child");
    assertThat(visitor.open("/report?lang=zh-CN").body()).contains("报告对孩子的担忧");

    ReportPage.Reply refused = chinese.post("/report?lang=zh-CN", report("whatHappened", ""));
    assertThat(refused.body()).contains("请填写此项").contains("Ana Ortega-Testchild");
    assertThat(chinese.post("/report?lang=zh-CN", report()).body()).contains("你的报告已发送");
  }

  private String instanceOf(String code) {
    return jdbc.queryForObject("select process_instance_id from report_receipt where code_hash = ?", String.class,
        ReceiptCodes.hash(code));
  }

  private long receipts() {
    return jdbc.queryForObject("select count(*) from report_receipt", Long.class);
  }
}
