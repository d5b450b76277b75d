package com.caisschool.safeguarding.forms;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.json;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The form contract through the running application's REST API, as an integrator or a task holder
 * would try it: an extra variable, an answer left to the previous round, a course of action
 * without its plan, parents not informed without a reason, values of the wrong type, and the
 * variables endpoints. Each refusal is a 400 (403 for the variables endpoints) naming the field,
 * never the value, and changes nothing.
 */
@ApplicationTest
class FormContractRestTest {

  private static final Map<String, Object> TRIAGE_TO_TEAM = form("initialFacts", "Bruises seen twice",
      "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "The team should decide");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  RestApi cpo;
  RestApi principal;

  @BeforeEach
  void setUp() {
    cpo = RestApi.as(port, "cpo", "demo");
    principal = RestApi.as(port, "principal", "demo");
  }

  @Test
  void aCompletionThatSetsAnotherVariableIsRefusedByName() {
    String id = steps().reportConcern(bruises("Ayla Extra-Testchild"));
    String triage = openTask(id, "user_task_cpo_triage");
    Map<String, Object> variables = new HashMap<>(variablesOf(TRIAGE_TO_TEAM));
    variables.put("concernAbout", string("student"));

    for (String path : List.of("/complete", "/submit-form")) {
      RestApi.Reply refused = cpo.post("/task/" + triage + path, Map.of("variables", variables));
      assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("'concernAbout' is not a field of the form");
    }
    assertThat(taskService.createTaskQuery().taskId(triage).count()).as("the task stays open").isOne();
    assertThat(runtimeService.getVariable(id, "concernAbout")).isEqualTo("family-member");
  }

  @Test
  void aReportThatSetsAnotherVariableIsRefusedAndStartsNothing() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> report = new HashMap<>(bruises("Ayla Start-Testchild"));
    report.put("authorityReportDue", string("no"));

    for (String path : List.of(ConcernReports.SUBMIT, "/process-definition/key/safeguarding-concern/start")) {
      RestApi.Reply refused = RestApi.as(port, "teacher", "demo").post(path, Map.of("variables", report));
      assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("'authorityReportDue' is not a field of the form");
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aStartCannotSkipItsStartForm() {
    long before = runtimeService.createProcessInstanceQuery().count();

    RestApi.Reply refused = RestApi.as(port, "teacher", "demo").post("/process-definition/key/safeguarding-concern/start",
        Map.of("variables", Map.of("courseOfAction", string("no-action")), "startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "user_task_close_case"))));

    assertThat(refused.status()).as(refused.body()).isIn(400, 403);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theTeamDecidingASecondTimeGivesEveryRequiredAnswerAgain() {
    String id = caseBeforeTheTeam("Bela Rounds-Testchild");
    steps().submitOpenTask(principal, id, teamDecision("further-discovery", "discoveryPlan", "Talk to the class teacher"));
    steps().submitOpenTask(principal, id, form("discoveryFindings", "The teacher saw the bruises too"));
    String secondRound = openTask(id, "user_task_case_study_team");

    RestApi.Reply stale = principal.post("/task/" + secondRound + "/submit-form", form("courseOfAction", "monitor",
        "courseOfActionRationale", "Watch for a month", "monitoringPlan", "Weekly check with the class teacher",
        "monitoringReviewInterval", "P14D"));

    assertThat(stale.status()).as(stale.body()).isEqualTo(400);
    assertThat(stale.json().path("message").asText())
        .isEqualTo("Required field missing: 'Who attended' (attendees)");
    assertThat(runtimeService.getVariable(id, "attendees")).as("the first round's answer is still there")
        .isEqualTo("CPO, principal");
    steps().submitOpenTask(principal, id, teamDecision("monitor", "monitoringPlan", "Weekly check with the class teacher",
        "monitoringReviewInterval", "P14D"));
  }

  @Test
  void monitorAndFurtherDiscoveryWithoutTheirPlanAreRefused() {
    String id = caseBeforeTheTeam("Cem Plan-Testchild");
    String decision = openTask(id, "user_task_case_study_team");

    RestApi.Reply monitor = principal.post("/task/" + decision + "/complete", teamDecision("monitor"));
    RestApi.Reply discovery = principal.post("/task/" + decision + "/complete", teamDecision("further-discovery"));
    RestApi.Reply planOfAnotherCourse = principal.post("/task/" + decision + "/complete",
        teamDecision("no-action", "monitoringPlan", "Not asked for"));

    assertThat(monitor.status()).as(monitor.body()).isEqualTo(400);
    assertThat(monitor.json().path("message").asText()).contains("(monitoringPlan)");
    assertThat(discovery.status()).as(discovery.body()).isEqualTo(400);
    assertThat(discovery.json().path("message").asText()).contains("(discoveryPlan)");
    assertThat(planOfAnotherCourse.status()).as(planOfAnotherCourse.body()).isEqualTo(400);
    assertThat(planOfAnotherCourse.json().path("message").asText()).contains("(monitoringPlan)")
        .contains("not asked for");
    assertThat(taskService.createTaskQuery().taskId(decision).count()).isOne();
  }

  @Test
  void parentsNotInformedNeedsAReason() {
    String id = caseBeforeTheTeam("Dara Parents-Testchild");
    steps().submitOpenTask(principal, id, teamDecision("immediate-action"));
    String contact = openTask(id, "user_task_contact_authorities");
    Map<String, Object> contacted = form("interventionAgency", "public-security-bureau",
        "interventionContactPerson", "Duty officer", "interventionContactedAt", "2026-03-02T10:15:00+08:00",
        "interventionReference", "PSB-7", "supportPlan", "Counselor twice a week", "parentsInformed", "no");

    RestApi.Reply refused = cpo.post("/task/" + contact + "/submit-form", contacted);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("(parentsNotInformedReason)");
    Map<String, Object> withReason = new HashMap<>(variablesOf(contacted));
    withReason.put("parentsNotInformedReason", string("A parent is suspected"));
    assertThat(cpo.post("/task/" + contact + "/submit-form", Map.of("variables", withReason)).status()).isEqualTo(204);
  }

  @Test
  void valuesOfTheWrongTypeAreRefusedNamingTheFieldNeverTheValue() {
    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> nameAsNumber = new HashMap<>(bruises("ignored"));
    nameAsNumber.put("childName", Map.of("value", 4242, "type", "Integer"));
    Map<String, Object> farFuture = new HashMap<>(bruises("Emre Year-Testchild"));
    farFuture.put("concernAroseAt", string("+999999999-01-01T10:15:00+08:00"));
    Map<String, Object> dangerAsText = new HashMap<>(bruises("Emre Type-Testchild"));
    dangerAsText.put("immediateDanger", string("sometimes"));

    Map<String, Object> brokenJson = new HashMap<>(bruises("Emre Json-Testchild"));
    brokenJson.put("categories", json("[\"physical-abuse\", 4242"));
    Map<String, Object> thousandCategories = new HashMap<>(bruises("Emre Many-Testchild"));
    thousandCategories.put("categories", json("[" + String.join(",", java.util.Collections.nCopies(1000, "\"other\"")) + "]"));
    Map<String, Object> javaObject = new HashMap<>(bruises("Emre Object-Testchild"));
    javaObject.put("childName", Map.of("value", "rO0ABXQABDQyNDI=", "type", "Object", "valueInfo", Map.of(
        "objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));

    for (Map<String, Object> report : List.of(nameAsNumber, farFuture, dangerAsText, brokenJson, thousandCategories,
        javaObject)) {
      RestApi.Reply refused = RestApi.as(port, "teacher", "demo").post(ConcernReports.SUBMIT, Map.of("variables", report));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("4242").doesNotContain("999999999").doesNotContain("sometimes");
    }
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);

    String id = steps().reportConcern(bruises("Emre Triage-Testchild"));
    Map<String, Object> triage = new HashMap<>(variablesOf(TRIAGE_TO_TEAM));
    triage.put("historyChecked", string("yes"));
    triage.put("initialFacts", Map.of("value", true, "type", "Boolean"));
    RestApi.Reply refused = cpo.post("/task/" + openTask(id, "user_task_cpo_triage") + "/complete",
        Map.of("variables", triage));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).containsAnyOf("(initialFacts)", "(historyChecked)");
  }

  @Test
  void theVariablesEndpointsCannotChangeACaseFact() {
    String id = steps().reportConcern(bruises("Fay Endpoint-Testchild"));
    String triage = openTask(id, "user_task_cpo_triage");
    Map<String, Object> student = string("student");

    List<RestApi.Reply> attempts = List.of(
        cpo.put("/process-instance/" + id + "/variables/concernAbout", student),
        cpo.post("/process-instance/" + id + "/variables", Map.of("modifications", Map.of("concernAbout", student))),
        cpo.put("/task/" + triage + "/variables/concernAbout", student),
        cpo.post("/task/" + triage + "/variables", Map.of("modifications", Map.of("concernAbout", student))),
        cpo.put("/task/" + triage + "/localVariables/concernAbout", student),
        cpo.put("/execution/" + id + "/localVariables/concernAbout", student),
        cpo.post("/task/" + triage + "/resolve", Map.of("variables", Map.of("concernAbout", student))));

    assertThat(attempts).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isIn(400, 403));
    assertThat(runtimeService.getVariable(id, "concernAbout")).isEqualTo("family-member");
    assertThat(taskService.getVariableLocal(triage, "concernAbout")).isNull();
  }

  private String caseBeforeTheTeam(String child) {
    String id = steps().reportConcern(bruises(child));
    steps().decideAuthoritiesNotNow(cpo, id);
    steps().submitOpenTask(cpo, id, TRIAGE_TO_TEAM);
    openTask(id, "user_task_case_study_team");
    return id;
  }

  /** The team's decision with every always-required answer, the course and its own fields. */
  private static Map<String, Object> teamDecision(String course, String... more) {
    String[] answers = {"attendees", "CPO, principal", "legalEthicalConsiderations", "Duty of care, privacy",
        "agenciesConsulted", "none", "courseOfAction", course, "courseOfActionRationale", "Agreed by all",
        "parentsInformed", "yes"};
    String[] all = new String[answers.length + more.length];
    System.arraycopy(answers, 0, all, 0, answers.length);
    System.arraycopy(more, 0, all, answers.length, more.length);
    return form(all);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variablesOf(Map<String, Object> submission) {
    return (Map<String, Object>) submission.get("variables");
  }

  private String openTask(String processInstanceId, String taskKey) {
    List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    assertThat(open).as(taskKey + " open").hasSize(1);
    return open.get(0).getId();
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
