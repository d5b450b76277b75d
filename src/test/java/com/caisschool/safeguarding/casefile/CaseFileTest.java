package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.json;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.caseprocess.CaseDeclaration;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case file as the CPO relies on it: every step of a case reaches its chronology once, in
 * order, with who and when; one child's chronology spans all their cases; entries are never
 * changed (a correction is a new entry); exports are PDFs that hold the entries and are themselves
 * recorded; the retention rule flags the right files when their day comes; and nobody but the CPO
 * and the deputy gets in.
 */
@ApplicationTest
class CaseFileTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired Chronology chronology;
  @Autowired CaseFiles caseFiles;
  @Autowired RetentionReview retentionReview;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void everyStepOfAConcernReachesItsChronologyOnceInOrderWithWhoAndWhen() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = steps().reportConcern(bruises("Ines Chronology-Testchild"));
    String reference = referenceOf(id);
    runDueJobsAndFind(id, reference, EntryKind.NOTIFICATION);

    steps().decideAuthoritiesNotNow(cpo, id);
    steps().submitOpenTask(cpo, id, form("initialFacts", "Seen by the coach", "authorityReportDue", "no",
        "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));
    steps().signOffTriageClosure(RestApi.as(port, "deputy", "demo"), id);
    steps().submitOpenTask(cpo, id, Map.of("variables", Map.of("outcomeSummary", string("Accidental injury"),
        "caseReviewWanted", Map.of("value", false, "type", "Boolean"), "parentsInformed", string("yes"))));
    runDueJobsAndFind(id, reference, EntryKind.CLOSURE);

    List<ChronologyEntry> entries = chronology.ofCase(reference);
    // The first-hour decision on the authorities, triage, the deputy's sign-off of the closure, the closure.
    assertThat(entries).extracting(ChronologyEntry::kind).containsExactly(EntryKind.REPORT,
        EntryKind.NOTIFICATION, EntryKind.DECISION, EntryKind.DECISION, EntryKind.DECISION, EntryKind.TASK_COMPLETED,
        EntryKind.CLOSURE);
    assertThat(entries).extracting(ChronologyEntry::actor)
        .containsExactly("teacher", "system", "cpo", "cpo", "deputy", "cpo", "cpo");
    assertThat(entries).extracting(ChronologyEntry::occurredAt).isSorted();
    assertThat(entries.get(0).details()).contains("Ines Chronology-Testchild").contains("Finger-mark bruises");
    // An alert by its title and the roles told, as people read them (labels, not codes).
    assertThat(entries.get(1).details()).contains("New concern").contains("Child Protection Officer")
        .doesNotContain("new-concern");
    assertThat(entries.get(2).stepId()).isEqualTo("user_task_authority_decision");
    assertThat(entries.get(3).stepId()).isEqualTo("user_task_cpo_triage");
    assertThat(entries.get(3).reason()).isEqualTo("Football accident, two witnesses");
    assertThat(entries.get(4).stepId()).isEqualTo("user_task_triage_close_sign_off");
    assertThat(entries.get(5).details()).contains("Accidental injury");
    assertThat(caseFiles.ofCase(reference)).singleElement().satisfies(file -> assertThat(file.open()).isFalse());
  }

  @Test
  void aReportCorrectedAtTriageIsRecordedWithWhoWhyAndTheOldAndNewValuesAndReRouted() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    // As the mailbox or the public page reports it: category "other", unknown who it is about.
    Map<String, Object> emailed = with(bruises("Lea Corrected-Testchild"), "concernAbout", "unknown");
    emailed.put("categories", json("[\"other\"]"));
    String id = steps().reportConcern(emailed);
    String reference = referenceOf(id);
    DueJobs.run(managementService, id);
    Map<String, Object> triage = new HashMap<>(Map.of("initialFacts", string("The parent's email names the PE teacher"),
        "authorityReportDue", string("no"), "correctReport", Map.of("value", true, "type", "Boolean"),
        "correctedCategories", json("[\"physical-abuse\"]"), "correctedConcernAbout", string("staff-or-volunteer"),
        "correctedImmediateDanger", Map.of("value", false, "type", "Boolean"),
        "correctionReason", string("The parent confirmed by phone: the PE teacher grabbed the child"),
        "triageDecision", string("case-study-team"), "triageRationale", string("Allegation against a teacher")));
    steps().submitTask(cpo, id, "user_task_cpo_triage", Map.of("variables", triage));

    ChronologyEntry report = chronology.ofCase(reference).stream().filter(entry -> entry.kind() == EntryKind.REPORT)
        .findFirst().orElseThrow();
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.CORRECTION).singleElement()
        .satisfies(correction -> {
          assertThat(correction.actor()).isEqualTo("cpo");
          assertThat(correction.correctsEntryId()).isEqualTo(report.id());
          assertThat(correction.reason()).isEqualTo("The parent confirmed by phone: the PE teacher grabbed the child");
          // The answers as the form labels them, not their codes.
          assertThat(correction.details()).contains("Unknown / not said → A staff member or volunteer")
              .contains("Other → Physical abuse");
          assertThat(correction.occurredAt()).isAfterOrEqualTo(report.occurredAt());
        });
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("allegation-against-adult")
        .processInstanceBusinessKey(reference).count()).as("the corrected facts start the allegation flow").isOne();
  }

  @Test
  void aReportToTheAuthoritiesIsRecordedAsAnAuthorityContact() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = steps().reportConcern(bruises("Sven Authority-Testchild"));
    steps().decideAuthoritiesNotNow(cpo, id);
    steps().submitOpenTask(cpo, id, form("initialFacts", "History of bruises", "authorityReportDue", "yes",
        "triageDecision", "case-study-team", "triageRationale", "Suspected unlawful harm"));
    steps().submitOpenTask(cpo, id, form("authorityReportAgency", "public-security-bureau", "authorityReportContactPerson",
        "Duty officer", "authorityReportContactedAt", "2026-03-02T10:15:00+08:00", "authorityReportReference", "PSB-42"));

    assertOnce(referenceOf(id), EntryKind.AUTHORITY_CONTACT, "user_task_report_to_authorities", "cpo");
    assertThat(chronology.ofCase(referenceOf(id))).filteredOn(entry -> entry.kind() == EntryKind.AUTHORITY_CONTACT)
        .singleElement().satisfies(entry -> assertThat(entry.details()).contains("PSB-42").contains("Duty officer"));
  }

  @Test
  void aMissedDeadlineIsAnEscalationInTheChronology() {
    String id = steps().reportConcern(bruises("Jonas Deadline-Testchild"));
    String reference = referenceOf(id);
    Job deadline = managementService.createJobQuery().processInstanceId(id).activityId("boundary_timer_triage_deadline")
        .singleResult();
    EngineClock.passTime(Duration.between(ClockUtil.getCurrentTime().toInstant(),
        deadline.getDuedate().toInstant().plusSeconds(60)));
    runDueJobsAndFind(id, reference, EntryKind.ESCALATION);
    // (The first-hour decision on the authorities, missed too, escalates as well.)
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.ESCALATION
            && entry.stepId().equals("boundary_timer_triage_deadline")).singleElement()
        .satisfies(entry -> assertThat(entry.actor()).isEqualTo("system"));
  }

  @Test
  void everyProcessRecordsItsOpeningAndWhoCompletedEachStep() {
    Map<String, Object> selfHarm = new HashMap<>(with(bruises("Kofi Pathway-Testchild"), "concernAbout", "unknown",
        "observations", "Fresh cuts on the forearm", "disclosure", "I hurt myself"));
    selfHarm.put("categories", json("[\"self-harm\"]"));
    String selfHarmCase = referenceOf(steps().reportConcern(selfHarm));
    String allegationCase = referenceOf(steps().reportConcern(with(bruises("Kofi Pathway-Testchild"),
        "concernAbout", "staff-or-volunteer", "subjectName", "A PE teacher")));
    String bullyingCase = referenceOf(reportBullying("Kofi Pathway-Testchild"));

    completeIn("self-harm-response", selfHarmCase, "counselor", form("riskLevel", "low",
        "riskAssessmentSummary", "Talked for an hour", "parentAbuseSuspected", "no",
        "parentAbuseReason", "Nothing points at home"));
    completeIn("allegation-against-adult", allegationCase, "head", form("thresholdRationale",
        "Messages only, no contact; below the harm threshold"));
    String bullyingId = runtimeService.createProcessInstanceQuery().processDefinitionKey("bullying-incident")
        .processInstanceBusinessKey(bullyingCase).singleResult().getId();
    DueJobs.run(managementService, bullyingId);
    // support runs beside the investigation: two tasks are open, the counselor completes the support
    steps().submitTask(RestApi.as(port, "counselor", "demo"), bullyingId, "user_task_support_targeted_student",
        form("safetyMeasures", "Sits at the front of the bus", "supportOffered", "Weekly counseling"));

    assertThat(caseFiles.ofCase(selfHarmCase)).extracting(CaseSummary::processKey)
        .containsExactlyInAnyOrder("safeguarding-concern", "self-harm-response");
    assertThat(caseFiles.ofCase(allegationCase)).extracting(CaseSummary::processKey)
        .containsExactlyInAnyOrder("safeguarding-concern", "allegation-against-adult");
    assertOnce(selfHarmCase, EntryKind.PATHWAY_OPENED, "self-harm-response", "system");
    assertOnce(selfHarmCase, EntryKind.DECISION, "user_task_risk_assessment", "counselor");
    assertOnce(allegationCase, EntryKind.PATHWAY_OPENED, "allegation-against-adult", "system");
    assertOnce(allegationCase, EntryKind.DECISION, "user_task_threshold_test", "head");
    assertOnce(bullyingCase, EntryKind.REPORT, "bullying-incident", "teacher");
    assertOnce(bullyingCase, EntryKind.TASK_COMPLETED, "user_task_support_targeted_student", "counselor");
    for (String reference : List.of(selfHarmCase, allegationCase, bullyingCase)) {
      assertThat(chronology.ofCase(reference)).extracting(ChronologyEntry::occurredAt).isSorted();
    }
  }

  @Test
  void oneChildsChronologySpansTwoConcernsAndABullyingCase() throws IOException {
    String child = "Lena Threecases-Testchild";
    String first = referenceOf(steps().reportConcern(bruises(child)));
    String second = referenceOf(steps().reportConcern(with(bruises(child), "location", "Canteen")));
    String bullying = referenceOf(reportBullying(child));

    long childId = caseFiles.ofCase(first).get(0).childId();
    assertThat(caseFiles.ofCase(second).get(0).childId()).isEqualTo(childId);
    assertThat(caseFiles.ofCase(bullying).get(0).childId()).isEqualTo(childId);
    assertThat(chronology.ofChild(childId)).extracting(ChronologyEntry::caseReference)
        .contains(first, second, bullying);

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.page("/casefile/children/" + childId).body()).contains(first, second, bullying);
    String pdf = textOf(cpo.export("/casefile/children/" + childId, "/casefile/children/" + childId + "/export.pdf"));
    assertThat(pdf).contains(child).contains(first).contains(second).contains(bullying).contains("Bus 3");
    assertThat(chronology.ofCase(first)).filteredOn(entry -> entry.kind() == EntryKind.EXPORT).singleElement()
        .satisfies(entry -> assertThat(entry.actor()).isEqualTo("cpo"));
  }

  @Test
  void aProcessThatDoesNotDeclareItselfACaseGetsNoCaseFile() {
    String training = "SC-TRAINING-" + System.nanoTime();
    String caseLike = "SC-CASELIKE-" + System.nanoTime();
    Deployment deployment = repositoryService.createDeployment().name("case property test")
        .addModelInstance("training-record.bpmn", twoStepProcess("test-training-record", false))
        .addModelInstance("case-like.bpmn", twoStepProcess("test-case-like", true))
        .addString("test-record.form", "{\"id\": \"test-record\", \"type\": \"default\", \"schemaVersion\": 16,"
            + " \"components\": []}")
        .deploy();
    try {
      runThrough("test-training-record", training);
      runThrough("test-case-like", caseLike);

      assertThat(caseFiles.ofCase(training)).isEmpty();
      assertThat(chronology.ofCase(training)).isEmpty();
      assertThat(caseFiles.ofCase(caseLike)).as("the same model declaring case=true").singleElement()
          .satisfies(file -> assertThat(file.open()).isFalse());
      assertThat(kinds(caseLike)).containsExactly(EntryKind.REPORT, EntryKind.TASK_COMPLETED, EntryKind.CLOSURE);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aCaseCancelledInTheEngineIsClosedInItsChronology() {
    String id = steps().reportConcern(bruises("Tara Cancelled-Testchild"));
    String reference = referenceOf(id);
    runDueJobsAndFind(id, reference, EntryKind.NOTIFICATION);
    runtimeService.deleteProcessInstance(id, "Reported twice by mistake");

    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.CLOSURE).singleElement()
        .satisfies(entry -> assertThat(entry.details()).contains("Cancelled"));
    assertThat(caseFiles.ofCase(reference)).singleElement().satisfies(file -> assertThat(file.open()).isFalse());
  }

  @Test
  void anExportShowsAChildsChineseName() throws IOException {
    String reference = referenceOf(steps().reportConcern(bruises("王小明-Testchild")));
    long childId = caseFiles.ofCase(reference).get(0).childId();

    String pdf = textOf(WebappSession.loggedIn(port, "cpo", "demo")
        .export("/casefile/children/" + childId, "/casefile/children/" + childId + "/export.pdf"));
    assertThat(pdf).as("needs the font of safeguarding.case-file.pdf-font (fonts-wqy-microhei)")
        .contains("王小明").contains(reference);
  }

  /**
   * An export is recorded ("exported by"), so only the page's own button may cause one: a POST
   * with the page's token. A link or an image (a reporter's Markdown in a form) makes a GET, which
   * exports nothing; a POST from elsewhere has no token and is refused (issue 18).
   */
  @Test
  void onlyAPostWithThePagesTokenExportsAndRecordsAnExport() {
    String reference = referenceOf(steps().reportConcern(bruises("Olek Export-Testchild")));
    long childId = caseFiles.ofCase(reference).get(0).childId();
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    for (String export : List.of("/casefile/cases/" + reference + "/export.pdf",
        "/casefile/children/" + childId + "/export.pdf")) {
      assertThat(cpo.get(export).status()).as("GET " + export).isIn(404, 405);
      assertThat(cpo.send("POST", export, "not-the-token", Map.of()).status()).as("POST without the token")
          .isEqualTo(403);
    }
    assertThat(chronology.ofCase(reference)).noneMatch(entry -> entry.kind() == EntryKind.EXPORT);

    cpo.export("/casefile/cases/" + reference, "/casefile/cases/" + reference + "/export.pdf");
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.EXPORT).singleElement()
        .satisfies(entry -> assertThat(entry.actor()).isEqualTo("cpo"));
  }

  @Test
  void anEntryIsNeverChangedACorrectionIsAddedBesideIt() {
    String reference = referenceOf(steps().reportConcern(bruises("Mara Correction-Testchild")));
    ChronologyEntry report = chronology.ofCase(reference).get(0);
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String token = WebappSession.csrfTokenOf(cpo.page("/casefile/cases/" + reference));
    String entryUrl = "/casefile/cases/" + reference + "/entries/" + report.id();

    for (String method : List.of("PUT", "PATCH", "DELETE")) {
      assertThat(cpo.send(method, entryUrl, token, Map.of("details", "changed")).status()).as(method).isIn(404, 405);
    }
    assertThat(cpo.send("POST", "/casefile/cases/" + reference + "/corrections", token,
        Map.of("entryId", "" + report.id(), "correction", "Grade 4, not Grade 3", "reason", "")).status()).isEqualTo(400);
    assertThat(cpo.send("POST", "/casefile/cases/" + reference + "/corrections", token,
        Map.of("entryId", "" + report.id(), "correction", "Grade 4, not Grade 3", "reason", "School register"))
        .status()).isEqualTo(302);

    assertThat(chronology.find(report.id())).isEqualTo(report);
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.CORRECTION).singleElement()
        .satisfies(entry -> {
          assertThat(entry.correctsEntryId()).isEqualTo(report.id());
          assertThat(entry.reason()).isEqualTo("School register");
          assertThat(entry.actor()).isEqualTo("cpo");
        });
  }

  @Test
  void aFileIsFlaggedForReviewWhenTheChildTurnsTwentyFiveAndKeptUntilTheCpoDecides() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String reference = referenceOf(steps().reportConcern(bruises("Nia Retention-Testchild")));
    String younger = referenceOf(steps().reportConcern(bruises("Omar Younger-Testchild")));
    long childId = caseFiles.ofCase(reference).get(0).childId();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    setBirthday(cpo, childId, today.minusYears(25).plusDays(10));
    setBirthday(cpo, caseFiles.ofCase(younger).get(0).childId(), today.minusYears(25).plusDays(40));

    assertThat(retentionReview.flagDue()).noneMatch(review -> review.childId() == childId);

    EngineClock.passTime(Duration.ofDays(11));
    assertThat(retentionReview.flagDue()).extracting(RetentionReview.PendingReview::childName)
        .contains("Nia Retention-Testchild").doesNotContain("Omar Younger-Testchild");
    assertThat(retentionReview.flagDue()).as("flagged once").noneMatch(review -> review.childId() == childId);
    RetentionReview.PendingReview review = retentionReview.oldestPendingFor(Set.of(), Integer.MAX_VALUE).oldest().stream()
        .filter(pending -> pending.childId() == childId).findFirst().orElseThrow();

    String token = WebappSession.csrfTokenOf(cpo.page("/casefile"));
    assertThat(cpo.send("POST", "/casefile/retention/" + review.id(), token,
        Map.of("decision", "destroy", "reason", " ")).status()).isEqualTo(400);
    assertThat(cpo.send("POST", "/casefile/retention/" + review.id(), token,
        Map.of("decision", "keep", "reason", "Police investigation still open")).status()).isEqualTo(302);

    assertThat(chronology.ofCase(reference)).extracting(ChronologyEntry::kind)
        .contains(EntryKind.RETENTION_DUE, EntryKind.RETENTION_DECISION);
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.RETENTION_DECISION)
        .singleElement().satisfies(entry -> assertThat(entry.reason()).isEqualTo("Police investigation still open"));
    assertThat(caseFiles.ofCase(reference)).isNotEmpty();
  }

  @Test
  void theCaseListFiltersByStateCategoryAndLateReports() {
    String reference = referenceOf(steps().reportConcern(with(bruises("Pia Filter-Testchild"),
        "concernAroseAt", java.time.OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(3).withNano(0).toString())));
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.page("/casefile?state=open&late=true").body()).contains(reference);
    assertThat(cpo.page("/casefile?state=closed").body()).doesNotContain(reference);
    assertThat(cpo.page("/casefile?category=physical-abuse").body()).contains(reference);
    assertThat(cpo.page("/casefile?category=neglect").body()).doesNotContain(reference);
    assertThat(cpo.page("/casefile/cases/" + reference).body()).contains("waiting at: Triage the concern");
    assertThat(cpo.page("/casefile?overdue=true").body()).doesNotContain(reference);

    EngineClock.passTime(Duration.ofDays(2));
    assertThat(cpo.page("/casefile?overdue=true").body()).contains(reference);
  }

  @Test
  void theCaseListFiltersByCourseOfAction() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = steps().reportConcern(bruises("Ravi Monitor-Testchild"));
    String reference = referenceOf(id);
    steps().decideAuthoritiesNotNow(cpo, id);
    steps().submitOpenTask(cpo, id, form("initialFacts", "Class teacher confirms", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    steps().submitOpenTask(cpo, id, form("attendees", "CPO, DCPO, counselor, principal",
        "legalEthicalConsiderations", "Duty to report considered", "agenciesConsulted", "none",
        "courseOfAction", "monitor", "courseOfActionRationale", "Team reasoning", "parentsInformed", "yes",
        "monitoringPlan", "Weekly check by class teacher", "monitoringReviewInterval", "P14D"));

    WebappSession session = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(session.page("/casefile?courseOfAction=monitor").body()).contains(reference);
    assertThat(session.page("/casefile?courseOfAction=no-action").body()).doesNotContain(reference);
    assertOnce(reference, EntryKind.DECISION, "user_task_case_study_team", "cpo");
  }

  @Test
  void onlyTheCpoAndTheDeputyOpenTheCaseFile() {
    String reference = referenceOf(steps().reportConcern(bruises("Quinn Private-Testchild")));
    long childId = caseFiles.ofCase(reference).get(0).childId();
    List<String> pages = List.of("/casefile", "/casefile/cases/" + reference, "/casefile/children/" + childId,
        "/casefile/cases/" + reference + "/export.pdf", "/casefile/children/" + childId + "/export.pdf");
    for (String user : List.of("teacher", "counselor", "principal", "head", "chair", "smt", "admin")) {
      WebappSession session = WebappSession.loggedIn(port, user, "demo");
      for (String page : pages) {
        WebappSession.Reply reply = session.page(page);
        assertThat(reply.status()).as(user + " " + page).isEqualTo(403);
        assertThat(reply.body()).doesNotContain("Quinn");
      }
      assertThat(session.postForm("/casefile/children/" + childId, Map.of("studentId", "X")).status()).isEqualTo(403);
    }
    for (String user : List.of("cpo", "deputy")) {
      WebappSession session = WebappSession.loggedIn(port, user, "demo");
      assertThat(session.page("/casefile/cases/" + reference).body()).as(user).contains("Quinn Private-Testchild");
    }
    assertThat(WebappSession.anonymous(port).page("/casefile").redirectsTo("/login")).isTrue();
    assertThat(chronology.ofCase(reference)).noneMatch(entry -> entry.kind() == EntryKind.EXPORT);
  }

  // --- steps ---------------------------------------------------------------------------------

  /** Start, one user task, end; with {@code case=true} on the process when {@code isCase}. */
  private static BpmnModelInstance twoStepProcess(String key, boolean isCase) {
    // As every deployment must (docs/model-rules.md): a version tag, and a form, role and due date per task.
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("Test " + key).camundaHistoryTimeToLive(1)
        .camundaVersionTag("1").startEvent().userTask("user_task_record").name("Record")
        .camundaFormRef("test-record").camundaFormRefBinding("deployment").camundaCandidateGroups("cpo")
        .camundaDueDate("P1D").endEvent().done();
    if (isCase) {
      Process process = model.getModelElementById(key);
      CamundaProperty property = model.newInstance(CamundaProperty.class);
      property.setCamundaName(CaseDeclaration.PROPERTY);
      property.setCamundaValue("true");
      CamundaProperties properties = model.newInstance(CamundaProperties.class);
      properties.getCamundaProperties().add(property);
      ExtensionElements extensions = model.newInstance(ExtensionElements.class);
      extensions.addChildElement(properties);
      process.setExtensionElements(extensions);
    }
    return model;
  }

  private void runThrough(String processKey, String reference) {
    String id = runtimeService.startProcessInstanceByKey(processKey, reference).getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
  }

  private String reportBullying(String child) {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", string(child));
    report.put("childGrade", string("Grade 7"));
    report.put("studentsWhoBullied", string("Another student, Grade 8"));
    report.put("bullyingTypes", json("[\"verbal\"]"));
    report.put("powerImbalance", json("[\"group\"]"));
    report.put("concernAroseAt", string("2026-03-02T08:10+08:00"));
    report.put("location", string("Bus 3"));
    report.put("observations", string("Pushed and called names on the bus."));
    return steps().start("/process-definition/key/bullying-incident/submit-form", report);
  }

  /** Runs the case's due jobs (no job executor in the tests); then the entry is there. */
  private void runDueJobsAndFind(String processInstanceId, String reference, EntryKind kind) {
    DueJobs.run(managementService, processInstanceId);
    assertThat(kinds(reference)).contains(kind);
  }

  private void completeIn(String processKey, String reference, String user, Map<String, Object> form) {
    String id = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(reference).singleResult().getId();
    // Some tasks wait behind an alert (bullying: support for the targeted student).
    DueJobs.run(managementService, id);
    steps().submitOpenTask(RestApi.as(port, user, "demo"), id, form);
  }

  private void assertOnce(String reference, EntryKind kind, String stepId, String actor) {
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == kind && stepId.equals(entry.stepId()))
        .as(reference + " " + kind + " " + stepId).singleElement()
        .satisfies(entry -> assertThat(entry.actor()).isEqualTo(actor));
  }

  private String referenceOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  private List<EntryKind> kinds(String reference) {
    return chronology.ofCase(reference).stream().map(ChronologyEntry::kind).toList();
  }

  private void setBirthday(WebappSession cpo, long childId, LocalDate birthday) {
    String token = WebappSession.csrfTokenOf(cpo.page("/casefile/children/" + childId));
    assertThat(cpo.send("POST", "/casefile/children/" + childId, token,
        Map.of("dateOfBirth", birthday.toString())).status()).isEqualTo(302);
  }

  private static String textOf(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
