package com.caisschool.safeguarding.security;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Read access that follows the work: someone who is not the CPO or deputy reads a case while they
 * hold one of its tasks and loses it when the task is done; and a case about the Head of School
 * stays hidden from the Head even where the Head's other roles would hold its tasks, and from
 * anyone who joins the Head's group while it is open, from their next request.
 */
@ApplicationTest
class CaseAccessTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void aTeamMemberReadsTheCaseOnlyWhileTheTeamHoldsItsDecision() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    RestApi principal = RestApi.as(port, "principal", "demo");
    String id = steps().reportConcern(bruises("Gita Lifecycle-Testchild"));
    assertThat(principal.get("/process-instance/" + id).status()).isIn(403, 404);

    steps().decideAuthoritiesNotNow(cpo, id);
    steps().submitOpenTask(cpo, id, form("initialFacts", "Class teacher confirms", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    assertThat(principal.get("/process-instance/" + id).status()).isEqualTo(200);
    assertThat(principal.get("/process-instance/" + id + "/variables").body()).contains("Gita Lifecycle-Testchild");

    steps().submitOpenTask(cpo, id, form("attendees", "CPO, DCPO, counselor, principal",
        "legalEthicalConsiderations", "Duty to report considered", "agenciesConsulted", "none",
        "courseOfAction", "monitor", "courseOfActionRationale", "Team reasoning", "parentsInformed", "yes",
        "monitoringPlan", "Weekly check by class teacher", "monitoringReviewInterval", "P14D"));
    assertThat(principal.get("/process-instance/" + id).status()).isNotEqualTo(200);
    assertThat(principal.get("/process-instance/" + id + "/variables").body()).doesNotContain("Gita");
    assertThat(principal.get("/process-instance?processInstanceIds=" + id).json()).isEmpty();
    // The CPO still reads it: the case is open, being monitored.
    assertThat(cpo.get("/process-instance/" + id).status()).isEqualTo(200);
  }

  @Test
  void theHeadSeesNothingOfACaseAboutTheHeadEvenAsACaseStudyTeamMember() {
    identityService.createMembership("head", "case-study-team");
    try {
      RestApi cpo = RestApi.as(port, "cpo", "demo");
      RestApi head = RestApi.as(port, "head", "demo");
      RestApi principal = RestApi.as(port, "principal", "demo");
      String id = steps().reportConcern(with(bruises("Hana Aboutthehead-Testchild"),
          "concernAbout", "head-of-school", "subjectName", "Head of School"));
      steps().decideAuthoritiesNotNow(cpo, id);
      steps().submitOpenTask(cpo, id, form("initialFacts", "Child repeats the account", "authorityReportDue", "no",
          "triageDecision", "case-study-team", "triageRationale", "Needs the team"));

      // The team's decision is open, and another team member sees it.
      assertThat(principal.get("/task?processInstanceId=" + id).json()).hasSize(1);
      Task decision = steps().openTasks(id).get(0);
      assertThat(taskService.getIdentityLinksForTask(decision.getId()))
          .anyMatch(link -> "case-study-team".equals(link.getGroupId()));

      for (String path : List.of("/task?processInstanceId=" + id, "/task/" + decision.getId(),
          "/task/" + decision.getId() + "/form-variables", "/process-instance/" + id,
          "/process-instance/" + id + "/variables", "/process-instance?processInstanceIds=" + id,
          "/history/process-instance?processInstanceId=" + id, "/history/variable-instance?processInstanceId=" + id)) {
        RestApi.Reply reply = head.get(path);
        assertThat(reply.body()).as(path).doesNotContain("Hana").doesNotContain(decision.getId() + "\",\"name");
        assertThat(reply.status()).as(path).isIn(200, 403, 404);
        if (reply.status() == 200) {
          assertThat(reply.json().isArray() ? reply.json().size() : -1).as(path).isZero();
        }
      }
      assertThat(head.post("/task/" + decision.getId() + "/claim", Map.of("userId", "head")).status()).isIn(403, 404);
    } finally {
      identityService.deleteMembership("head", "case-study-team");
    }
  }

  @Test
  void someoneWhoJoinsTheHeadsGroupWhileACaseAboutTheHeadIsOpenIsRefusedItFromTheirNextRequest() {
    String actingHead = "acting.head";
    String password = "Acting-Head-2026";
    org.camunda.bpm.engine.identity.User user = identityService.newUser(actingHead);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(actingHead, "staff");
    identityService.createMembership(actingHead, "case-study-team");
    try {
      RestApi cpo = RestApi.as(port, "cpo", "demo");
      RestApi acting = RestApi.as(port, actingHead, password);
      String id = steps().reportConcern(with(bruises("Ivo Actinghead-Testchild"),
          "concernAbout", "head-of-school", "subjectName", "Head of School"));
      steps().decideAuthoritiesNotNow(cpo, id);
      steps().submitOpenTask(cpo, id, form("initialFacts", "Child repeats the account", "authorityReportDue", "no",
          "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
      assertThat(acting.get("/task?processInstanceId=" + id).json()).hasSize(1);

      // No restart, no new log-in: the next request sees the new group.
      identityService.createMembership(actingHead, "head-of-school");

      assertThat(acting.get("/task?processInstanceId=" + id).json()).isEmpty();
      assertThat(acting.get("/process-instance/" + id).status()).isIn(403, 404);
    } finally {
      identityService.deleteUser(actingHead);
    }
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
