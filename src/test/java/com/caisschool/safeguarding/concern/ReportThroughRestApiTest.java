package com.caisschool.safeguarding.concern;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The running application: a staff member reports a concern through the REST API (the call Tasklist
 * makes for the start form), the CPO finds the triage task with the facts, and bad input is refused.
 */
@ApplicationTest
class ReportThroughRestApiTest {

  private static final String SUBMIT = ConcernReports.SUBMIT;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  RestApi teacher;
  RestApi cpo;

  @BeforeEach
  void setUp() {
    teacher = RestApi.as(port, "teacher", "demo");
    cpo = RestApi.as(port, "cpo", "demo");
  }

  static Map<String, Object> report() {
    return ConcernReports.bruises("Tomas Ivanov-Testchild");
  }

  static Map<String, Object> string(String value) {
    return ConcernReports.string(value);
  }

  @Test
  void staffReportReachesTheCpoAsATriageTaskWithTheFacts() {
    RestApi.Reply started = teacher.post(SUBMIT, Map.of("variables", report()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    assertThat(started.json().path("businessKey").asText()).startsWith("SC-");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getStartUserId()).as("the reporter, recorded for the CPO and deputy").isEqualTo("teacher");
    assertThat(runtimeService.getVariables(instanceId).values()).as("never a case variable").doesNotContain("teacher");

    assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("user_task_cpo_triage")
        .count()).isOne();
    String taskId = cpo.get("/task?processInstanceId=" + instanceId).json().get(0).path("id").asText();
    RestApi.Reply variables = cpo.get("/task/" + taskId + "/form-variables");
    assertThat(variables.json().path("observations").path("value").asText()).isEqualTo("Finger-mark bruises on the upper arm");
    assertThat(variables.json().path("priority").path("value").asText()).isEqualTo("standard");
    assertThat(cpo.get("/task/" + taskId + "/deployed-form").json().path("id").asText()).isEqualTo("concern-triage");
    // The alert is an asynchronous step: it runs as a job (no job executor in the tests).
    DueJobs.run(managementService, instanceId);
    assertThat(jdbc.queryForObject("select count(*) from notification where process_instance_id = ? and kind = 'new-concern'",
        Integer.class, instanceId)).isOne();
  }

  @Test
  void concernAboutAStaffMemberStartsTheAllegationFlowUnderTheSameReference() {
    Map<String, Object> aboutTeacher = report();
    aboutTeacher.put("concernAbout", string("staff-or-volunteer"));
    aboutTeacher.put("subjectName", string("PE teacher"));

    RestApi.Reply started = teacher.post(SUBMIT, Map.of("variables", aboutTeacher));

    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String reference = started.json().path("businessKey").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("allegation-against-adult")
        .processInstanceBusinessKey(reference).count()).isOne();
    assertThat(taskService.createTaskQuery().processDefinitionKey("allegation-against-adult")
        .processInstanceBusinessKey(reference).taskCandidateGroup("head-of-school").count()).isPositive();
  }

  @Test
  void triageCannotBeCompletedWithoutItsRationale() {
    String instanceId = teacher.post(SUBMIT, Map.of("variables", report())).json().path("id").asText();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("user_task_cpo_triage")
        .singleResult().getId();

    RestApi.Reply refused = cpo.post("/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
        "initialFacts", string("Spoke to the teacher"), "authorityReportDue", string("no"),
        "triageDecision", string("case-study-team"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("triageRationale");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void reportWithoutAFactIsRefusedNamingTheFieldAndStartsNothing() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> incomplete = report();
    incomplete.remove("observations");

    RestApi.Reply refused = teacher.post(SUBMIT, Map.of("variables", incomplete));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("What you observed").contains("observations");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void unknownCategoryOrMalformedDateGetsA400AndStartsNothing() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> unknownCategory = report();
    unknownCategory.put("categories", Map.of("value", "[\"physical-abuse\",\"witchcraft\"]", "type", "Json"));
    Map<String, Object> badDate = report();
    badDate.put("concernAroseAt", string("last Monday"));

    RestApi.Reply category = teacher.post("/process-definition/key/safeguarding-concern/start",
        Map.of("variables", unknownCategory));
    RestApi.Reply date = teacher.post(SUBMIT, Map.of("variables", badDate));

    assertThat(category.status()).isEqualTo(400);
    assertThat(category.json().path("message").asText()).contains("(categories)")
        .contains("a choice the form does not offer").doesNotContain("witchcraft");
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.json().path("message").asText()).contains("concernAroseAt");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void otherRestErrorsKeepTheirStatus() {
    RestApi.Reply missing = cpo.get("/task/no-such-task");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("message").asText()).isNotBlank();
  }

  @Test
  void restApiRefusesAnonymousCallers() {
    assertThat(RestApi.anonymous(port).get("/task").status()).isEqualTo(401);
    assertThat(RestApi.anonymous(port).post(SUBMIT, Map.of("variables", report())).status()).isEqualTo(401);
    // (vicechair: no other test signs in as them, so the engine's wait after a wrong password hinders no one.)
    assertThat(RestApi.as(port, "vicechair", "wrong-password").get("/task").status()).isEqualTo(401);
  }
  @Test
  void aTriageThatClosesACriticalConcernGetsA400NamingTheRuleAndStaysOpen() {
    Map<String, Object> exploitation = new HashMap<>(report());
    exploitation.put("categories", ConcernReports.json("[\"child-sexual-exploitation\"]"));
    String instanceId = teacher.post(SUBMIT, Map.of("variables", exploitation)).json().path("id").asText();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("user_task_cpo_triage")
        .singleResult().getId();

    RestApi.Reply refused = cpo.post("/task/" + taskId + "/submit-form", ConcernReports.form("initialFacts",
        "Spoke to the teacher", "authorityReportDue", "no", "triageDecision", "close", "triageRationale", "Nothing in it"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("triage-closure").contains("critical or high-priority")
        .doesNotContain("Testchild");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void theCpoWhoTriagedCannotSignOffTheClosureButTheDeputyCan() {
    String instanceId = teacher.post(SUBMIT, Map.of("variables", report())).json().path("id").asText();
    CaseSteps steps = new CaseSteps(port, taskService);
    steps.decideAuthoritiesNotNow(cpo, instanceId);
    steps.submitTask(cpo, instanceId, "user_task_cpo_triage", ConcernReports.form("initialFacts", "Seen by the coach",
        "authorityReportDue", "no", "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));
    String signOff = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("user_task_triage_close_sign_off").singleResult().getId();
    Map<String, Object> agreed = ConcernReports.form("triageSignOff", "approve", "triageSignOffReason", "Agreed");

    RestApi.Reply refused = cpo.post("/task/" + signOff + "/submit-form", agreed);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("second person");

    RestApi.Reply signed = RestApi.as(port, "deputy", "demo").post("/task/" + signOff + "/submit-form", agreed);
    assertThat(signed.status()).as(signed.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("user_task_close_case")
        .count()).isOne();
  }
}
