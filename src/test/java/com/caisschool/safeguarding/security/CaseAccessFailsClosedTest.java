package com.caisschool.safeguarding.security;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.json;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access rules hold under load and against a task holder (issue 18): walls are raised in the
 * transaction of the report itself, so twelve reports about the Head sent at once, with the Head
 * also a counselor, leave the Head nothing to read; the facts that decide routing and access
 * cannot be changed through the variables and execution endpoints or by a task holder's extra
 * variables; message correlation and statistics are for the CPO and deputy.
 */
@ApplicationTest
class CaseAccessFailsClosedTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void twelveReportsAboutTheHeadInParallelLeaveTheHeadNothingEvenAsACounselor() throws Exception {
    identityService.createMembership("head", "counselors");
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Callable<RestApi.Reply>> reports = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        Map<String, Object> report = new HashMap<>(with(bruises("Omar Parallel" + (char) ('A' + i) + "-Testchild"),
            "concernAbout", "head-of-school", "subjectName", "Head of School",
            "observations", "Fresh cuts on the forearm", "disclosure", "I hurt myself"));
        report.put("categories", json("[\"self-harm\"]"));
        reports.add(() -> RestApi.as(port, "teacher", "demo").post(ConcernReports.SUBMIT, Map.of("variables", report)));
      }
      List<String> started = new ArrayList<>();
      for (Future<RestApi.Reply> reply : pool.invokeAll(reports)) {
        RestApi.Reply answer = reply.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        started.add(answer.json().path("id").asText());
      }

      RestApi head = RestApi.as(port, "head", "demo");
      for (String concern : started) {
        String reference = runtimeService.createProcessInstanceQuery().processInstanceId(concern).singleResult()
            .getBusinessKey();
        for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
          RestApi.Reply variables = head.get("/process-instance/" + instance.getId() + "/variables");
          assertThat(variables.status()).as(reference + " variables").isIn(403, 404);
          assertThat(variables.body()).doesNotContain("Parallel");
          assertThat(head.get("/task?processInstanceId=" + instance.getId()).json()).as(reference + " tasks").isEmpty();
        }
      }
      assertThat(head.get("/task").body()).doesNotContain("Parallel");
    } finally {
      pool.shutdownNow();
      identityService.deleteMembership("head", "counselors");
    }
  }

  @Test
  void theFactsThatDecideRoutingAndAccessCannotBeChangedByATaskHolderOrThroughTheVariablesEndpoints() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    RestApi principal = RestApi.as(port, "principal", "demo");
    String id = steps().reportConcern(with(bruises("Pia Extravariable-Testchild"),
        "concernAbout", "head-of-school", "subjectName", "Head of School"));
    steps().submitOpenTask(cpo, id, form("initialFacts", "Child repeats the account", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    Task decision = steps().openTasks(id).get(0);
    Map<String, Object> student = Map.of("value", "student", "type", "String");

    List<RestApi.Reply> attempts = List.of(
        principal.put("/task/" + decision.getId() + "/variables/concernAbout", student),
        principal.post("/task/" + decision.getId() + "/variables", Map.of("modifications", Map.of("concernAbout", student))),
        principal.put("/task/" + decision.getId() + "/variables/subjectUserId", string("teacher")),
        principal.post("/task/" + decision.getId() + "/complete", Map.of("variables", Map.of("concernAbout", student))),
        cpo.put("/process-instance/" + id + "/variables/concernAbout", student),
        cpo.post("/process-instance/" + id + "/variables", Map.of("modifications", Map.of("concernAbout", student))),
        cpo.put("/execution/" + id + "/localVariables/concernAbout", student),
        cpo.post("/execution/" + id + "/localVariables", Map.of("modifications", Map.of("subjectUserId", string("teacher")))));
    for (RestApi.Reply attempt : attempts) {
      assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
      assertThat(attempt.body()).doesNotContain("student").doesNotContain("Pia");
    }
    assertThat(runtimeService.getVariable(id, "concernAbout")).isEqualTo("head-of-school");
    assertThat(runtimeService.getVariable(id, "subjectUserId")).isNull();
    assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).isOne();
    // Still hidden from the Head, even had the Head joined the team.
    assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .userIdIn("head").resourceType(Resources.TASK).resourceId(decision.getId()).count()).isOne();
  }

  @Test
  void messagesAndStatisticsAreForTheCpoAndDeputyOnly() {
    String id = steps().reportConcern(bruises("Rui Messagecheck-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    Map<String, Object> message = Map.of("messageName", "self-harm-reported", "businessKey", reference,
        "resultEnabled", true);
    for (String user : List.of("teacher", "counselor", "principal", "head", "hr", "chair")) {
      RestApi rest = RestApi.as(port, user, "demo");
      RestApi.Reply correlated = rest.post("/message", message);
      assertThat(correlated.status()).as(user + " /message").isEqualTo(403);
      assertThat(correlated.body()).doesNotContain(id);
      assertThat(rest.get("/process-definition/statistics").status()).as(user + " statistics").isEqualTo(403);
      assertThat(rest.get("/process-definition/key/allegation-against-adult/statistics").status()).isEqualTo(403);
      assertThat(RestApi.as(port, user, "demo").post("/signal", Map.of("name", "anything")).status()).isEqualTo(403);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isOne();
    assertThat(RestApi.as(port, "cpo", "demo").get("/process-definition/statistics").status()).isEqualTo(200);
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
