package com.caisschool.safeguarding.security;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.json;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Someone else acts for the person a case is about (safeguarding.access.alternates, told-of-case,
 * the models' sign-off groups): for a case about the only CPO the deputy triages, signs and closes
 * it and keeps its case file, and the Head is told only that it exists; for a case about the only
 * deputy the CPO triages and the Head is the second signer; the CPO's correction of who a case is
 * about moves the wall.
 */
@ApplicationTest
class ActingForTheSubjectTest {

  static final String PASSWORD = "Acting-Test-2026";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired AuthorizationService authorizationService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCaseAboutTheOnlyCpoIsHandledByTheDeputyAndTheHeadIsToldOnlyThatItExists() {
    asTheOnlyMemberOf("cpo", "only.cpo", () -> {
      String concern = closableConcernAbout("only.cpo", "Wren Onlycpo-Testchild");
      String reference = referenceOf(concern);
      RestApi deputy = RestApi.as(port, "deputy", "demo");

      // The Head: an alert of the configured kind with the reference only; the case itself stays closed to them.
      assertThat(jdbc.queryForList("select recipients from notification where case_reference = ? and kind = ?",
          String.class, reference, "case-about-a-lead")).containsExactly("head-of-school");
      assertThat(RestApi.as(port, "head", "demo").get("/process-instance/" + concern + "/variables").status())
          .isIn(403, 404);

      // The deputy takes the CPO's part: the first-hour decision, triage, closure, the case file.
      steps().decideAuthoritiesNotNow(deputy, concern);
      steps().submitTask(deputy, concern, "user_task_cpo_triage", form("initialFacts", "Seen by the coach",
          "authorityReportDue", "no", "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));
      assertThat(RestApi.as(port, "only.cpo", PASSWORD).get("/task?processInstanceId=" + concern).json()).isEmpty();
      steps().signOffTriageClosure(RestApi.as(port, "head", "demo"), concern);
      Task closure = steps().openTasks(concern).get(0);
      assertThat(taskService.getIdentityLinksForTask(closure.getId())).extracting(IdentityLink::getGroupId)
          .contains("dcpo");
      steps().submitOpenTask(deputy, concern, Map.of("variables", Map.of("outcomeSummary", string("Accidental injury"),
          "caseReviewWanted", Map.of("value", false, "type", "Boolean"), "parentsInformed", string("yes"))));
      assertThat(WebappSession.loggedIn(port, "deputy", "demo").page("/casefile/cases/" + reference).body())
          .contains("Wren Onlycpo-Testchild");
      assertThat(WebappSession.loggedIn(port, "only.cpo", PASSWORD).get("/casefile/cases/" + reference).status())
          .isEqualTo(404);
    });
  }

  @Test
  void aCaseAboutTheOnlyDeputyIsTriagedByTheCpoAndTheHeadIsTheSecondSigner() {
    asTheOnlyMemberOf("dcpo", "only.deputy", () -> {
      String concern = closableConcernAbout("only.deputy", "Yara Onlydeputy-Testchild");
      RestApi cpo = RestApi.as(port, "cpo", "demo");
      steps().decideAuthoritiesNotNow(cpo, concern);
      steps().submitTask(cpo, concern, "user_task_cpo_triage", form("initialFacts", "Seen by the coach",
          "authorityReportDue", "no", "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));

      Task signOff = taskService.createTaskQuery().processInstanceId(concern)
          .taskDefinitionKey("user_task_triage_close_sign_off").singleResult();
      var signing = form("triageSignOff", "approve", "triageSignOffReason", "Agreed: no child-protection concern");
      assertThat(RestApi.as(port, "only.deputy", PASSWORD).post("/task/" + signOff.getId() + "/submit-form", signing)
          .status()).as("the subject").isIn(403, 404);
      assertThat(cpo.post("/task/" + signOff.getId() + "/submit-form", signing).status()).as("the one who triaged")
          .isEqualTo(400);
      steps().signOffTriageClosure(RestApi.as(port, "head", "demo"), concern);
      assertThat(jdbc.queryForList("select kind from notification where case_reference = ?", String.class,
          referenceOf(concern))).doesNotContain("case-about-a-lead");
    });
  }

  @Test
  void theCpoCorrectingWhoTheCaseIsAboutMovesTheWallAndRecordsIt() {
    newUser("wrongly.named", "Wanda", "Wronglynamed", "staff");
    newUser("rightly.named", "Rory", "Rightlynamed", "staff");
    try {
      String concern = steps().reportConcern(with(bruises("Zia Corrected-Subject-Testchild"),
          "concernAbout", "staff-or-volunteer", "subjectUserId", "wrongly.named"));
      DueJobs.run(managementService, concern);
      String reference = referenceOf(concern);
      assertThat(revokedFor("wrongly.named", concern)).isTrue();
      RestApi cpo = RestApi.as(port, "cpo", "demo");
      steps().decideAuthoritiesNotNow(cpo, concern);

      Map<String, Object> triage = new HashMap<>(Map.of("initialFacts", string("The parent named another teacher"),
          "authorityReportDue", string("no"), "correctReport", Map.of("value", true, "type", "Boolean"),
          "correctedCategories", json("[\"physical-abuse\"]"), "correctedConcernAbout", string("staff-or-volunteer"),
          "correctedImmediateDanger", Map.of("value", false, "type", "Boolean"),
          "correctionReason", string("The parent confirmed it was the other teacher"),
          "triageDecision", string("case-study-team"), "triageRationale", string("Allegation against a teacher")));
      Task triageTask = taskService.createTaskQuery().processInstanceId(concern)
          .taskDefinitionKey("user_task_cpo_triage").singleResult();
      Map<String, Object> nobody = new HashMap<>(triage);
      nobody.put("correctedSubjectUserId", string("Nobody Atall"));
      assertThat(cpo.post("/task/" + triageTask.getId() + "/submit-form", Map.of("variables", nobody)).status())
          .as("a name that means no user").isEqualTo(400);
      assertThat(revokedFor("wrongly.named", concern)).as("nothing changed").isTrue();

      triage.put("correctedSubjectUserId", string("Rory Rightlynamed"));
      steps().submitTask(cpo, concern, "user_task_cpo_triage", Map.of("variables", triage));

      List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
          .stream().map(instance -> instance.getId()).toList();
      assertThat(instances).isNotEmpty().allSatisfy(id -> {
        assertThat(revokedFor("rightly.named", id)).as("walled: " + id).isTrue();
        assertThat(revokedFor("wrongly.named", id)).as("no longer walled: " + id).isFalse();
      });
      assertThat(jdbc.queryForList("select user_id from case_subject where case_reference = ? and user_id <> ''",
          String.class, reference)).containsExactly("rightly.named");
      assertThat(runtimeService.getVariable(concern, "subjectUserId")).isEqualTo("rightly.named");
      assertThat(WebappSession.loggedIn(port, "cpo", "demo").page("/casefile/cases/" + reference).body())
          .contains("wrongly.named → rightly.named");
    } finally {
      identityService.deleteUser("wrongly.named");
      identityService.deleteUser("rightly.named");
    }
  }

  /** A report that names that user and that triage may close (its category and who it is about allow it). */
  private String closableConcernAbout(String subject, String childName) {
    String concern = steps().reportConcern(with(bruises(childName), "subjectUserId", subject));
    DueJobs.run(managementService, concern);
    return concern;
  }

  /** Runs the scenario with a new user as the group's only member, the demo members put back after. */
  private void asTheOnlyMemberOf(String group, String userId, Runnable scenario) {
    newUser(userId, "Ola", "Only" + group, "staff");
    List<String> members = identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
        .toList();
    members.forEach(member -> identityService.deleteMembership(member, group));
    identityService.createMembership(userId, group);
    try {
      scenario.run();
    } finally {
      members.forEach(member -> identityService.createMembership(member, group));
      identityService.deleteUser(userId);
    }
  }

  private void newUser(String id, String first, String last, String group) {
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }

  private boolean revokedFor(String userId, String processInstanceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .userIdIn(userId).resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
  }

  private String referenceOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
