package com.caisschool.safeguarding.startpage;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page people land on after signing in (issue 23): "Report a concern" first, only the
 * processes the person's start authorizations allow, by the names the models give them; after a
 * report, its case reference and the roles alerted (no names, no facts).
 */
@ApplicationTest
class StartPageTest {


  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

  @Test
  void signingInLandsOnReportAConcernWithOnlyTheProcessesTheRoleMayStart() {
    assertThat(WebappSession.anonymous(port).logIn("teacher", "demo").redirectsTo("/start")).isTrue();
    String teacher = WebappSession.loggedIn(port, "teacher", "demo").page("/start").body();
    assertThat(teacher).contains("Report a concern")
        .contains("processStart=safeguarding-concern\"")
        .contains(name("safeguarding-concern")).contains(name("self-harm-response"))
        .contains(name("allegation-against-adult")).contains(name("bullying-incident"))
        // Standing duties are not theirs to start.
        .doesNotContain("processStart=staff-training").doesNotContain("processStart=policy-review");
    // The general concern comes first: "start here if unsure".
    assertThat(teacher.indexOf("processStart=safeguarding-concern")).isLessThan(teacher.indexOf("processStart=self-harm-response"));

    String hr = WebappSession.loggedIn(port, "hr", "demo").page("/start").body();
    assertThat(hr).contains("processStart=staff-training").contains("Other things you can start");
    String chair = WebappSession.loggedIn(port, "vicechair", "demo").page("/start").body();
    assertThat(chair).doesNotContain("processStart=");
  }

  @Test
  void afterAReportTheReporterSeesItsReferenceAndTheRolesAlerted() {
    String id = new CaseSteps(port, taskService).reportConcern(bruises("Vera Confirm-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    DueJobs.run(managementService, id);

    String page = WebappSession.loggedIn(port, "teacher", "demo").page("/start").body();
    String row = page.substring(page.indexOf(reference), page.indexOf("</tr>", page.indexOf(reference)));
    assertThat(row).contains("Child Protection Officer").contains(name("safeguarding-concern"))
        .doesNotContain("Vera Confirm-Testchild").doesNotContain("Casey");
    // Someone else's report is not listed to another reporter.
    assertThat(WebappSession.loggedIn(port, "principal", "demo").page("/start").body()).doesNotContain(reference);
  }

  /**
   * Tasklist's confirmation after "Start" (scripts/report-confirmation.js): the case reference and
   * the roles alerted, for the person who started it only, only in the minutes after; no name.
   */
  @Test
  void rightAfterStartTheReporterAloneGetsTheConfirmationWithTheReferenceAndTheRolesAlerted() {
    String id = new CaseSteps(port, taskService).reportConcern(bruises("Rui Confirm-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    WebappSession teacher = WebappSession.loggedIn(port, "teacher", "demo");

    JsonNode sending = teacher.get("/start/confirmation/" + id).json();
    assertThat(sending.path("caseReference").asText()).isEqualTo(reference);
    assertThat(sending.path("reference").asText()).isEqualTo("Case reference: " + reference);
    assertThat(sending.path("alertsSent").asBoolean()).isFalse();
    assertThat(sending.path("alerted").asText()).isEqualTo("The alerts are being sent now.");

    DueJobs.run(managementService, id);
    WebappSession.Reply sent = teacher.get("/start/confirmation/" + id);
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.json().path("alertsSent").asBoolean()).isTrue();
    assertThat(sent.json().path("alerted").asText()).startsWith("Alerted: ").contains("Child Protection Officer");
    assertThat(sent.body()).doesNotContain("Rui Confirm-Testchild").doesNotContain("Casey").doesNotContain("Bruises");

    // Nobody else, not even the CPO; no made-up id either.
    assertThat(WebappSession.loggedIn(port, "principal", "demo").get("/start/confirmation/" + id).status()).isEqualTo(404);
    assertThat(WebappSession.loggedIn(port, "cpo", "demo").get("/start/confirmation/" + id).status()).isEqualTo(404);
    assertThat(teacher.get("/start/confirmation/no'such").status()).isEqualTo(404);
    assertThat(WebappSession.anonymous(port).get("/start/confirmation/" + id).status()).isNotEqualTo(200);
    // Only right after: later, the start page lists the report instead.
    try {
      EngineClock.passTime(StartPage.CONFIRMATION_WINDOW.plusMinutes(1));
      assertThat(teacher.get("/start/confirmation/" + id).status()).isEqualTo(404);
    } finally {
      EngineClock.reset();
    }
  }

  /** A teacher who works in Chinese reads the confirmation in Chinese, in the glossary's terms. */
  @Test
  void aChineseReporterReadsTheConfirmationInChinese() {
    RestApi.Reply started = RestApi.as(port, "liwei", "demo").post(ConcernReports.SUBMIT,
        Map.of("variables", bruises("Lan Confirm-Testchild")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("id").asText();
    DueJobs.run(managementService, id);

    JsonNode confirmation = WebappSession.loggedIn(port, "liwei", "demo").get("/start/confirmation/" + id).json();
    assertThat(confirmation.path("title").asText()).isEqualTo("你的报告已收到");
    assertThat(confirmation.path("reference").asText()).startsWith("个案编号：");
    assertThat(confirmation.path("alerted").asText()).startsWith("已通知：").contains("儿童保护负责人")
        .doesNotContain("Child Protection Officer");
  }

  private String name(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getName().replace("'", "&#39;");
  }
}
