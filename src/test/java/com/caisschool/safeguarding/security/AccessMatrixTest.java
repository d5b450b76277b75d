package com.caisschool.safeguarding.security;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who can see a child's case, through every way into the running application: every role (one
 * demo user each) against cases in each state, through the REST API (instances, variables,
 * history, tasks, task forms), the webapps' API as Tasklist and Cockpit call it, and the pages of
 * Tasklist, Cockpit and Admin. The expected answers are the table {@link #READS}: a case is read
 * by the CPO and deputy, and otherwise only by those holding one of its open tasks (counselors
 * also read self-harm cases). Anything else must come back empty or refused, and a refusal must
 * not carry the child's name.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  /** The cases, each in a different state, all reported by the teacher. */
  enum Case {
    /** Waiting for the CPO's triage. */
    REPORTED("Aiko Reported-Testchild"),
    /** Put before the Case Study Team. */
    BEFORE_TEAM("Bilal Team-Testchild"),
    /** Triaged as no child-protection concern and closed. */
    CLOSED("Chen Closed-Testchild"),
    /** The child's side of a concern about the Head of School: waiting for the CPO's triage. */
    ABOUT_HEAD_CONCERN("Dara Head-Testchild"),
    /** The allegation against the Head that the same report opened: with the Board Chair. */
    ABOUT_HEAD_ALLEGATION("Dara Head-Testchild"),
    /** A self-harm response the report opened: with the counselors. */
    SELF_HARM("Elif Selfharm-Testchild");

    final String childName;

    Case(String childName) {
      this.childName = childName;
    }
  }

  static final Set<Case> EVERY_CASE = EnumSet.allOf(Case.class);

  /** Which cases each demo user may read (beyond the forms and models every Tasklist user sees). */
  static final Map<String, Set<Case>> READS = Map.of(
      "teacher", Set.of(),
      "counselor", Set.of(Case.BEFORE_TEAM, Case.SELF_HARM),
      "principal", Set.of(Case.BEFORE_TEAM),
      "head", Set.of(),
      "chair", Set.of(Case.ABOUT_HEAD_ALLEGATION),
      "smt", Set.of(),
      "admin", Set.of(),
      "cpo", EVERY_CASE,
      "deputy", EVERY_CASE);

  /** Case history (closed cases, who reported) is for the CPO and the deputy only. */
  static final Set<String> CASE_OWNERS = Set.of("cpo", "deputy");

  /** Which webapps each demo user may open. */
  static final Map<String, Set<String>> WEBAPPS = Map.of(
      "teacher", Set.of("tasklist"),
      "counselor", Set.of("tasklist"),
      "principal", Set.of("tasklist"),
      "head", Set.of("tasklist"),
      "chair", Set.of("tasklist"),
      "smt", Set.of("tasklist"),
      "admin", Set.of("cockpit", "admin"),
      "cpo", Set.of("tasklist", "cockpit"),
      "deputy", Set.of("tasklist", "cockpit"));

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  final Map<Case, String> instances = new EnumMap<>(Case.class);

  @BeforeAll
  void reportCasesInEveryState() {
    RestApi cpo = rest("cpo");

    instances.put(Case.REPORTED, report(bruises(Case.REPORTED.childName)));

    instances.put(Case.BEFORE_TEAM, report(bruises(Case.BEFORE_TEAM.childName)));
    new CaseSteps(port, taskService).decideAuthoritiesNotNow(cpo, instances.get(Case.BEFORE_TEAM));
    complete(cpo, Case.BEFORE_TEAM, form("initialFacts", "Class teacher confirms", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Needs the team"));

    instances.put(Case.CLOSED, report(bruises(Case.CLOSED.childName)));
    new CaseSteps(port, taskService).decideAuthoritiesNotNow(cpo, instances.get(Case.CLOSED));
    complete(cpo, Case.CLOSED, form("initialFacts", "Seen by the coach", "authorityReportDue", "no",
        "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));
    new CaseSteps(port, taskService).signOffTriageClosure(rest("deputy"), instances.get(Case.CLOSED));
    complete(cpo, Case.CLOSED, Map.of("variables", Map.of(
        "parentsInformed", ConcernReports.string("yes"),
        "outcomeSummary", ConcernReports.string("Accidental injury"),
        "caseReviewWanted", Map.of("value", false, "type", "Boolean"))));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instances.get(Case.CLOSED)).count()).isZero();

    String aboutHead = report(with(bruises(Case.ABOUT_HEAD_CONCERN.childName),
        "concernAbout", "head-of-school", "subjectName", "Head of School"));
    instances.put(Case.ABOUT_HEAD_CONCERN, aboutHead);
    instances.put(Case.ABOUT_HEAD_ALLEGATION, linked(aboutHead, "allegation-against-adult"));

    String selfHarm = report(selfHarmReport());
    instances.put(Case.SELF_HARM, linked(selfHarm, "self-harm-response"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"teacher", "counselor", "principal", "head", "chair", "smt", "admin", "cpo", "deputy"})
  void restApiShowsEachCaseOnlyToThoseWhoMayReadIt(String user) {
    RestApi rest = rest(user);
    SoftAssertions softly = new SoftAssertions();
    for (Case kase : Case.values()) {
      String id = instances.get(kase);
      boolean reads = READS.get(user).contains(kase);
      boolean running = kase != Case.CLOSED;
      String what = user + " / " + kase + " / ";

      softly.assertThat(rest.get("/process-instance?processInstanceIds=" + id).json().size())
          .as(what + "instance list").isEqualTo(reads && running ? 1 : 0);
      expect(softly, rest.get("/process-instance/" + id), reads && running, kase, what + "instance");
      expect(softly, rest.get("/process-instance/" + id + "/variables"), reads && running, kase, what + "variables");
      softly.assertThat(rest.get("/task?processInstanceId=" + id).json().size() > 0)
          .as(what + "tasks").isEqualTo(reads && running);
      for (Task task : openTasks(id)) {
        boolean holds = holdsOrOwns(user, task);
        softly.assertThat(!holds || reads).as(what + "a task holder reads the case").isTrue();
        expect(softly, rest.get("/task/" + task.getId()), holds, kase, what + "task");
        expect(softly, rest.get("/task/" + task.getId() + "/form-variables"), holds, kase, what + "task form variables");
        expect(softly, rest.get("/task/" + task.getId() + "/deployed-form"), holds, kase, what + "task form");
      }

      boolean owner = CASE_OWNERS.contains(user);
      var history = rest.get("/history/process-instance?processInstanceId=" + id).json();
      softly.assertThat(history.size()).as(what + "history").isEqualTo(owner ? 1 : 0);
      if (owner) {
        // A pathway the concern opened is started by the process; the reporter is on that concern.
        boolean linked = kase == Case.ABOUT_HEAD_ALLEGATION || kase == Case.SELF_HARM;
        softly.assertThat(history.get(0).path("startUserId").textValue()).as(what + "reporter")
            .isEqualTo(linked ? null : "teacher");
      }
      softly.assertThat(rest.get("/history/variable-instance?processInstanceId=" + id).json().size() > 0)
          .as(what + "history variables").isEqualTo(owner);
      softly.assertThat(rest.get("/history/task?processInstanceId=" + id).json().size() > 0)
          .as(what + "history tasks").isEqualTo(owner);
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"teacher", "counselor", "principal", "head", "chair", "smt", "admin", "cpo", "deputy"})
  void webappsShowEachCaseOnlyToThoseWhoMayReadIt(String user) {
    WebappSession session = webapp(user);
    SoftAssertions softly = new SoftAssertions();
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      boolean opens = WEBAPPS.get(user).contains(app);
      softly.assertThat(session.page("/camunda/app/" + app + "/default/").status())
          .as(user + " opens " + app).isEqualTo(opens ? 200 : 403);
    }
    softly.assertThat(session.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count").status())
        .as(user + " Cockpit API").isEqualTo(WEBAPPS.get(user).contains("cockpit") ? 200 : 403);
    boolean administrator = WEBAPPS.get(user).contains("admin");
    softly.assertThat(session.get("/camunda/api/engine/engine/default/user").json().size() > 1)
        .as(user + " Admin: user list").isEqualTo(administrator);
    softly.assertThat(session.get("/camunda/api/engine/engine/default/authorization").json().size() > 0)
        .as(user + " Admin: authorizations").isEqualTo(administrator);

    String engineApi = "/camunda/api/engine/engine/default";
    for (Case kase : Case.values()) {
      String id = instances.get(kase);
      boolean reads = READS.get(user).contains(kase);
      boolean running = kase != Case.CLOSED;
      String what = user + " / " + kase + " / ";
      softly.assertThat(session.get(engineApi + "/task?processInstanceId=" + id).json().size() > 0)
          .as(what + "Tasklist tasks").isEqualTo(reads && running);
      softly.assertThat(session.get(engineApi + "/process-instance?processInstanceIds=" + id).json().size())
          .as(what + "Cockpit running instance").isEqualTo(reads && running ? 1 : 0);
      softly.assertThat(session.get(engineApi + "/history/process-instance?processInstanceId=" + id).json().size())
          .as(what + "Cockpit history").isEqualTo(CASE_OWNERS.contains(user) ? 1 : 0);
      expect(softly, session.get(engineApi + "/process-instance/" + id + "/variables"), reads && running, kase,
          what + "Cockpit variables");
    }
    softly.assertAll();
  }

  @Test
  void nobodyAnonymousGetsAnythingButTheLogInPage() {
    RestApi rest = RestApi.anonymous(port);
    WebappSession browser = WebappSession.anonymous(port);
    String id = instances.get(Case.REPORTED);
    for (String path : List.of("/process-instance/" + id, "/process-instance/" + id + "/variables",
        "/history/process-instance?processInstanceId=" + id, "/task", "/deployment",
        "/process-definition/key/safeguarding-concern/deployed-start-form")) {
      assertThat(rest.get(path).status()).as(path).isEqualTo(401);
    }
    assertThat(browser.get("/camunda/api/engine/engine/default/task").status()).isEqualTo(401);
    assertThat(browser.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count").status())
        .isEqualTo(401);
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      assertThat(browser.page("/camunda/app/" + app + "/default/").redirectsTo("/login")).as(app).isTrue();
    }
  }

  @Test
  void aStaffMemberWhoReportedCannotReadTheirReportBack() {
    RestApi teacher = rest("teacher");
    WebappSession tasklist = webapp("teacher");
    String id = instances.get(Case.REPORTED);
    String childName = Case.REPORTED.childName;

    for (RestApi.Reply reply : List.of(teacher.get("/process-instance/" + id),
        teacher.get("/process-instance/" + id + "/variables"), teacher.get("/process-instance?processInstanceIds=" + id),
        teacher.get("/history/process-instance?processInstanceId=" + id),
        teacher.get("/history/variable-instance?processInstanceId=" + id),
        teacher.get("/history/detail?processInstanceId=" + id), teacher.get("/task?processInstanceId=" + id),
        teacher.get("/history/user-operation?processInstanceId=" + id))) {
      assertThat(reply.body()).doesNotContain(childName).doesNotContain(id.substring(0, 8) + "\",\"definitionId");
    }
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task?processInstanceId=" + id).json()).isEmpty();
    assertThat(tasklist.get("/camunda/api/engine/engine/default/process-instance/" + id + "/variables").status())
        .isIn(403, 404);
  }

  @Test
  void theReportFormIsOpenToEveryLoggedInUserForItHoldsNoCaseData() {
    for (String user : READS.keySet()) {
      assertThat(rest(user).get("/process-definition/key/safeguarding-concern/deployed-start-form")
          .json().path("id").asText()).as(user).isEqualTo("report-safeguarding-concern");
    }
  }

  /** The demo user on the REST API (HTTP Basic); {@code ProviderAccessMatrixTest} signs in through the provider. */
  RestApi rest(String user) {
    return RestApi.as(port, user, "demo");
  }

  /** The demo user logged in to the webapps. */
  WebappSession webapp(String user) {
    return WebappSession.loggedIn(port, user, "demo");
  }

  private void expect(SoftAssertions softly, RestApi.Reply reply, boolean allowed, Case kase, String what) {
    if (allowed) {
      softly.assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(200);
    } else {
      // Camunda answers 500 for the variables of an instance that no longer runs (a closed case).
      softly.assertThat(reply.status()).as(what).isIn(403, 404, kase == Case.CLOSED ? 500 : 403);
      softly.assertThat(reply.body()).as(what).doesNotContain(kase.childName);
    }
  }

  /** The user may work on the task: one of its candidate groups is theirs, or they own every case. */
  private boolean holdsOrOwns(String user, Task task) {
    if (CASE_OWNERS.contains(user)) {
      return true;
    }
    Set<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> link.getGroupId() != null && groups.contains(link.getGroupId()));
  }

  private void expect(SoftAssertions softly, WebappSession.Reply reply, boolean allowed, Case kase, String what) {
    expect(softly, new RestApi.Reply(reply.status(), reply.body()), allowed, kase, what);
  }

  private List<Task> openTasks(String processInstanceId) {
    return new CaseSteps(port, taskService).openTasks(processInstanceId);
  }

  /** A reported concern whose alerts have gone out (its jobs run: no job executor in the tests). */
  private String report(Map<String, Object> variables) {
    String id = new CaseSteps(port, taskService).reportConcern(variables);
    DueJobs.run(managementService, id);
    return id;
  }

  private void complete(RestApi user, Case kase, Map<String, Object> form) {
    new CaseSteps(port, taskService).submitOpenTask(user, instances.get(kase), form);
  }

  private String linked(String concernId, String processKey) {
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(concernId).singleResult()
        .getBusinessKey();
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(reference).singleResult().getId();
  }

  private static Map<String, Object> selfHarmReport() {
    Map<String, Object> report = new java.util.HashMap<>(with(bruises(Case.SELF_HARM.childName),
        "concernAbout", "unknown", "observations", "Fresh cuts on the forearm", "disclosure", "I hurt myself"));
    report.put("categories", ConcernReports.json("[\"self-harm\"]"));
    return report;
  }
}
