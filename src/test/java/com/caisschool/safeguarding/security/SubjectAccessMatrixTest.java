package com.caisschool.safeguarding.security;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.notification.CaseRecipients;
import com.caisschool.safeguarding.notification.EmailNotifier;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.NotificationEmails;
import com.caisschool.safeguarding.notification.SubjectsLeftOut;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.TestSmtpServer;
import com.caisschool.safeguarding.testing.WebappSession;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A case is about an adult of the school, once for each role such an adult can have: they find
 * it through no way in (the REST API's runtime, history, variables, identity links, operation log
 * and incidents; Tasklist's tasks, filters and counts; Cockpit's API; the case file and its PDF;
 * emails), not even after joining the CPO's group, while everyone who must act on it still has
 * it. Each subject is a user of their own (the demo users keep their ordinary view for the other
 * tests); half are chosen by user name on the report, half are found by the name the reporter typed.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubjectAccessMatrixTest {

  enum Role {
    CPO("cpo", "staff", "case-study-team"),
    DEPUTY("dcpo", "staff", "case-study-team"),
    COUNSELOR("counselors", "staff", "case-study-team"),
    PRINCIPAL("case-study-team", "staff"),
    HEAD("head-of-school", "staff"),
    HR("hr", "staff"),
    TEACHER("staff");

    final List<String> groups;

    Role(String... groups) {
      this.groups = List.of(groups);
    }

    String userId() {
      return "subject." + name().toLowerCase();
    }

    String lastName() {
      return "Subject" + name().charAt(0) + name().substring(1).toLowerCase();
    }

    String childName() {
      return "Noor " + lastName() + "-Testchild";
    }
  }

  static final String PASSWORD = "Subject-Test-2026";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired CaseRecipients caseRecipients;
  @Autowired JdbcTemplate jdbc;

  /** The case reference and the process instances under it (the concern and the allegation). */
  final Map<Role, String> references = new EnumMap<>(Role.class);
  final Map<Role, List<String>> instances = new EnumMap<>(Role.class);

  @BeforeAll
  void reportAConcernAboutEachRole() {
    for (Role role : Role.values()) {
      User user = identityService.newUser(role.userId());
      user.setFirstName("Quinn");
      user.setLastName(role.lastName());
      user.setEmail(role.userId() + "@school.invalid");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      role.groups.forEach(group -> identityService.createMembership(role.userId(), group));

      Map<String, Object> report = with(bruises(role.childName()),
          "concernAbout", role == Role.HEAD ? "head-of-school" : "staff-or-volunteer",
          "subjectName", "Quinn " + role.lastName() + ", " + role.name().toLowerCase());
      if (role.ordinal() % 2 == 0) {
        report = with(report, "subjectUserId", role.userId());
      }
      String concern = steps().reportConcern(report);
      DueJobs.run(managementService, concern);
      String reference = runtimeService.createProcessInstanceQuery().processInstanceId(concern).singleResult()
          .getBusinessKey();
      steps().submitTask(RestApi.as(port, "cpo", "demo"), concern, "user_task_cpo_triage", form("initialFacts", "Child repeats it",
          "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
      references.put(role, reference);
      instances.put(role, runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
          .stream().map(instance -> instance.getId()).toList());
      assertThat(instances.get(role)).as(role + ": the concern and its allegation").hasSize(2);
    }
  }

  @AfterAll
  void removeSubjects() {
    for (Role role : Role.values()) {
      identityService.deleteUser(role.userId());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  void theSubjectFindsTheCaseThroughNoWayIn(Role role) {
    SoftAssertions softly = new SoftAssertions();
    noWayIn(softly, role, "as " + role.groups);
    // Joining the CPO's group later (the deputy's, for a CPO) changes nothing, from the very next request.
    String owners = role == Role.CPO ? "dcpo" : "cpo";
    identityService.createMembership(role.userId(), owners);
    try {
      noWayIn(softly, role, "after joining " + owners);
    } finally {
      identityService.deleteMembership(role.userId(), owners);
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  void theCaseStillReachesEveryoneWhoMustAct(Role role) {
    Set<String> subjects = Set.of(role.userId());
    RestApi deputy = RestApi.as(port, "deputy", "demo");
    for (String id : instances.get(role)) {
      assertThat(deputy.get("/process-instance/" + id + "/variables").body()).contains(role.childName());
      for (Task task : steps().openTasks(id)) {
        List<String> actors = taskService.getIdentityLinksForTask(task.getId()).stream()
            .map(IdentityLink::getGroupId).filter(group -> group != null)
            .flatMap(group -> identityService.createUserQuery().memberOfGroup(group).list().stream())
            .map(User::getId).filter(user -> !subjects.contains(user)).toList();
        assertThat(actors).as(role + ": someone other than the subject can do " + task.getTaskDefinitionKey()).isNotEmpty();
      }
    }
    // The one who acts for the subject sees in the access log who has looked at the case.
    String owner = role == Role.DEPUTY ? "cpo" : "deputy";
    assertThat(WebappSession.loggedIn(port, owner, "demo").page("/casefile/children/" + childOf(role) + "/reads").body())
        .contains(references.get(role));
    // The Case Study Team meets without its member: the others still hold the decision.
    if (role == Role.PRINCIPAL || role == Role.COUNSELOR) {
      String concern = instances.get(role).get(0);
      String other = role == Role.PRINCIPAL ? "counselor" : "principal";
      assertThat(RestApi.as(port, other, "demo").get("/task?processInstanceId=" + concern).json().size())
          .as(other + " holds the team's decision").isPositive();
    }
  }

  @Test
  void aCaseAboutTheOnlyCpoIsOfferedToTheDeputyAndItsAlertsGoToTheDeputy() {
    User soleCpo = identityService.newUser("sole.cpo");
    soleCpo.setFirstName("Sol");
    soleCpo.setLastName("OnlyCpo");
    soleCpo.setPassword(PASSWORD);
    identityService.saveUser(soleCpo);
    List<String> otherCpos = identityService.createUserQuery().memberOfGroup("cpo").list().stream()
        .map(User::getId).toList();
    otherCpos.forEach(cpo -> identityService.deleteMembership(cpo, "cpo"));
    identityService.createMembership("sole.cpo", "cpo");
    try {
      String concern = steps().reportConcern(with(bruises("Tova Solecpo-Testchild"),
          "concernAbout", "staff-or-volunteer", "subjectName", "Sol OnlyCpo, CPO"));
      DueJobs.run(managementService, concern);
      String reference = runtimeService.createProcessInstanceQuery().processInstanceId(concern).singleResult()
          .getBusinessKey();
      Task triage = steps().openTasks(concern).stream()
          .filter(task -> task.getTaskDefinitionKey().contains("triage")).findFirst().orElseThrow();
      assertThat(taskService.getIdentityLinksForTask(triage.getId())).extracting(IdentityLink::getGroupId)
          .contains("cpo", "dcpo");
      assertThat(RestApi.as(port, "deputy", "demo").get("/task?candidateGroup=dcpo&processInstanceId=" + concern
          + "&taskDefinitionKey=" + triage.getTaskDefinitionKey()).json().size()).isOne();
      assertThat(RestApi.as(port, "sole.cpo", PASSWORD).get("/task?processInstanceId=" + concern).json()).isEmpty();
      List<String> recipients = jdbc.queryForList("select recipients from notification where case_reference = ?",
          String.class, reference);
      assertThat(recipients).isNotEmpty().noneMatch(list -> Arrays.asList(list.split(",")).contains("cpo"));
    } finally {
      otherCpos.forEach(cpo -> identityService.createMembership(cpo, "cpo"));
      identityService.deleteUser("sole.cpo");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  void noAlertReachesTheSubject(Role role) throws Exception {
    TestSmtpServer smtp = TestSmtpServer.shared();
    int before = smtp.received().length;
    var sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(smtp.port());
    var notifier = new SubjectsLeftOut(new EmailNotifier(new RecordedNotifications(), sender, identityService,
        new NotificationEmails("[Test]", Map.of(), "http://localhost"), "safeguarding@school.invalid", caseRecipients),
        caseRecipients);

    notifier.send(new Notification(references.get(role), "new-allegation",
        List.of("cpo", "dcpo", "head-of-school", "case-study-team", "counselors", "hr", "staff"),
        instances.get(role).get(0), "service_task_alert"));

    MimeMessage[] received = smtp.received();
    assertThat(received.length).isGreaterThan(before);
    List<String> to = new ArrayList<>();
    for (MimeMessage message : Arrays.copyOfRange(received, before, received.length)) {
      if (!message.getSubject().contains(references.get(role))) {
        continue; // another test's alert, delivered late
      }
      for (Address address : message.getAllRecipients()) {
        to.add(address.toString());
      }
    }
    assertThat(to).doesNotContain(role.userId() + "@school.invalid").contains("deputy@demo.invalid");
  }

  private void noWayIn(SoftAssertions softly, Role role, String when) {
    RestApi rest = RestApi.as(port, role.userId(), PASSWORD);
    WebappSession webapp = WebappSession.loggedIn(port, role.userId(), PASSWORD);
    String reference = references.get(role);
    List<String> forbidden = new ArrayList<>(List.of(role.childName(), reference));
    List<String> paths = new ArrayList<>(List.of("/process-instance?businessKey=" + reference,
        "/process-instance/count?businessKey=" + reference, "/task?processInstanceBusinessKey=" + reference,
        "/task/count?processInstanceBusinessKey=" + reference, "/task", "/execution?businessKey=" + reference,
        "/variable-instance?variableName=childName", "/incident", "/job", "/history/process-instance",
        "/history/variable-instance?variableName=childName", "/history/task", "/history/user-operation",
        "/history/identity-link-log", "/history/incident", "/history/detail", "/history/activity-instance"));
    for (String id : instances.get(role)) {
      forbidden.add(id);
      paths.addAll(List.of("/process-instance/" + id, "/process-instance/" + id + "/variables",
          "/process-instance/" + id + "/activity-instances", "/execution?processInstanceId=" + id,
          "/variable-instance?processInstanceIdIn=" + id, "/incident?processInstanceId=" + id,
          "/job?processInstanceId=" + id, "/history/process-instance/" + id,
          "/history/variable-instance?processInstanceId=" + id, "/history/user-operation?processInstanceId=" + id));
      for (Task task : steps().openTasks(id)) {
        forbidden.add(task.getId());
        paths.addAll(List.of("/task/" + task.getId(), "/task/" + task.getId() + "/variables",
            "/task/" + task.getId() + "/form-variables", "/task/" + task.getId() + "/identity-links",
            "/task/" + task.getId() + "/comment", "/task/" + task.getId() + "/deployed-form"));
      }
    }
    for (String path : paths) {
      refused(softly, rest.get(path), forbidden, role + " " + when + " REST " + path);
      refused(softly, asReply(webapp.get("/camunda/api/engine/engine/default" + path)), forbidden,
          role + " " + when + " webapp API " + path);
    }
    // Tasklist: every filter the subject may read, its list and its count agree and hold none of the case's tasks.
    for (var filter : webapp.get("/camunda/api/engine/engine/default/filter?resourceType=Task").json()) {
      String id = filter.path("id").asText();
      var list = webapp.get("/camunda/api/engine/engine/default/filter/" + id + "/list?maxResults=1000");
      refused(softly, asReply(list), forbidden, role + " " + when + " filter " + filter.path("name").asText());
      softly.assertThat(webapp.get("/camunda/api/engine/engine/default/filter/" + id + "/count").json().path("count").asInt())
          .as(role + " " + when + " filter count").isEqualTo(list.json().size());
    }
    // Cockpit's own API and the case file (its child search and the child's access log too), where
    // the subject's groups open them.
    for (String path : List.of("/camunda/api/cockpit/plugin/base/default/process-instance?businessKey=" + reference,
        "/casefile", "/casefile/cases/" + reference, "/casefile/cases/" + reference + "/export.pdf",
        "/casefile/children/" + childOf(role) + "/reads")) {
      refused(softly, asReply(webapp.get(path)), forbidden, role + " " + when + " " + path);
    }
    // The child search echoes the name searched for, and finds no child whose only case is about them.
    var search = webapp.get("/casefile?child=" + java.net.URLEncoder.encode(role.childName(),
        java.nio.charset.StandardCharsets.UTF_8));
    softly.assertThat(search.status()).as(role + " " + when + " child search status").isLessThan(500);
    softly.assertThat(search.body()).as(role + " " + when + " child search")
        .doesNotContain("/casefile/children/" + childOf(role) + "\"").doesNotContain(reference);
  }

  /**
   * A CPO or deputy who is the subject of a case keeps the engine's history API for every other
   * case (lists, counts and single answers), while their own case is left out of it.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Role.class, names = {"CPO", "DEPUTY"})
  void aLeadWhoIsTheSubjectKeepsTheHistoryOfOtherCases(Role role) {
    RestApi rest = RestApi.as(port, role.userId(), PASSWORD);
    String other = references.get(Role.TEACHER);
    String otherId = instances.get(Role.TEACHER).get(0);
    String own = references.get(role);
    assertThat(rest.get("/history/process-instance?processInstanceBusinessKey=" + other).body()).contains(otherId);
    assertThat(rest.get("/history/process-instance/count?processInstanceBusinessKey=" + other).json().path("count")
        .asInt()).isEqualTo(2);
    assertThat(rest.get("/history/variable-instance?processInstanceId=" + otherId).body())
        .contains(Role.TEACHER.childName());
    assertThat(rest.get("/history/task?processInstanceBusinessKey=" + other).body()).contains(otherId);
    // Their own case: not in a list, not counted, not answered.
    String all = rest.get("/history/process-instance?maxResults=100000").body();
    assertThat(all).contains(otherId);
    instances.get(role).forEach(id -> assertThat(all).doesNotContain(id));
    assertThat(rest.get("/history/process-instance/count?processInstanceBusinessKey=" + own).json().path("count")
        .asInt()).isZero();
    assertThat(rest.get("/history/process-instance/" + instances.get(role).get(0)).status()).isEqualTo(404);
    assertThat(rest.post("/history/process-instance/count", Map.of("processInstanceBusinessKey", own)).json()
        .path("count").asInt()).isZero();
    assertThat(rest.get("/history/process-definition/" + "x" + "/statistics").status()).as("totals").isEqualTo(403);
  }

  /**
   * A second signer always exists: for a closure at triage, someone of the sign-off roles who is
   * neither the subject nor the one who triaged; for not telling the authorities about an
   * allegation, someone of the sign-off task's groups who is neither the subject nor of the group
   * that made the threshold decision.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  void aSecondSignerAlwaysExists(Role role) {
    String concern = instances.get(role).get(0);
    String allegation = instances.get(role).get(1);
    Set<String> triageSigners = membersOf(String.valueOf(runtimeService.getVariable(concern, "triageSignOffGroups")));
    triageSigners.remove(role.userId());
    triageSigners.remove(String.valueOf(runtimeService.getVariable(concern, "triagedBy")));
    assertThat(triageSigners).as(role + ": a second signer of a closure at triage").isNotEmpty();

    var model = repositoryService.getBpmnModelInstance(runtimeService.createProcessInstanceQuery()
        .processInstanceId(allegation).singleResult().getProcessDefinitionId());
    org.camunda.bpm.model.bpmn.instance.UserTask signOff = model.getModelElementById("user_task_cpo_authorities_review");
    Set<String> allegationSigners = membersOf(signOff.getCamundaCandidateGroups());
    allegationSigners.remove(role.userId());
    allegationSigners.removeAll(membersOf(String.valueOf(runtimeService.getVariable(allegation, "caseOwnerGroup"))));
    assertThat(allegationSigners).as(role + ": a second person signs off not telling the authorities").isNotEmpty();
  }

  private Set<String> membersOf(String groups) {
    Set<String> members = new java.util.HashSet<>();
    for (String group : groups.split(",")) {
      identityService.createUserQuery().memberOfGroup(group.trim()).list().forEach(user -> members.add(user.getId()));
    }
    return members;
  }

  private long childOf(Role role) {
    return jdbc.queryForObject("select child_id from case_file where case_reference = ? and child_id is not null"
        + " fetch first 1 rows only", Long.class, references.get(role));
  }

  /**
   * An answer that reveals nothing: refused or empty, and never naming the child, the reference or
   * an id (except the one the request itself named, which a refusal may repeat).
   */
  private static void refused(SoftAssertions softly, RestApi.Reply reply, List<String> forbidden, String what) {
    softly.assertThat(reply.status()).as(what + " status").isLessThan(500);
    for (String secret : forbidden) {
      if (what.contains(secret)) {
        continue;
      }
      softly.assertThat(reply.body()).as(what + " reveals nothing").doesNotContain(secret);
    }
  }

  private static RestApi.Reply asReply(WebappSession.Reply reply) {
    return new RestApi.Reply(reply.status(), reply.body());
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
