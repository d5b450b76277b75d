package com.caisschool.safeguarding.concern;

import static com.caisschool.safeguarding.concern.ConcernTestData.MONDAY_10_40;
import static com.caisschool.safeguarding.concern.ConcernTestData.bruiseReport;
import static com.caisschool.safeguarding.concern.ConcernTestData.with;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import com.caisschool.safeguarding.testing.StubPathways;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Disclosure, Action and Intervention flow ({@code processes/safeguarding-concern.bpmn}), one
 * test per path, on the plain engine with the real models, forms and configuration defaults.
 */
@Deployment(resources = {
    "processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
    "forms/report-safeguarding-concern.form", "forms/immediate-action.form",
    "forms/concern-triage.form", "forms/authority-report.form",
    "forms/case-study-team-decision.form", "forms/further-discovery.form",
    "forms/contact-authorities.form", "forms/monitoring-review.form",
    "forms/no-action-sign-off.form", "forms/close-case.form", "forms/case-review.form",
    "forms/reporter-added-information.form", "forms/triage-close-sign-off.form", "forms/authority-decision.form"})
class ConcernProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG)
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys("self-harm-response", "allegation-against-adult", "bullying-incident")
      .build();

  RecordedNotifications notifications;
  StubPathways pathways;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    pathways = StubPathways.ofTheConcern(engine.getRepositoryService());
    ClockUtil.setCurrentTime(Date.from(MONDAY_10_40.toInstant()));
  }

  @AfterEach
  void tearDown() {
    identityService().clearAuthentication();
    people.forEach(id -> {
      identityService().deleteMembership(id, groupOf.get(id));
      identityService().deleteUser(id);
    });
    createdGroups.forEach(group -> identityService().deleteGroup(group));
    pathways.undeploy();
    Mocks.reset();
    ClockUtil.reset();
  }

  private final List<String> people = new ArrayList<>();
  private final Map<String, String> groupOf = new HashMap<>();
  private final List<String> createdGroups = new ArrayList<>();

  /** A person of the school with one role (users and groups of the plain engine, removed after the test). */
  void person(String id, String group) {
    if (identityService().createGroupQuery().groupId(group).count() == 0) {
      identityService().saveGroup(identityService().newGroup(group));
      createdGroups.add(group);
    }
    identityService().saveUser(identityService().newUser(id));
    identityService().createMembership(id, group);
    people.add(id);
    groupOf.put(id, group);
  }

  /** Who completes the next tasks, as Tasklist and the REST API sign a person in. */
  static void actingAs(String userId) {
    identityService().setAuthenticatedUserId(userId);
  }

  static ProcessInstance report(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey("safeguarding-concern", variables);
  }

  static void passTime(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  /**
   * Reports the concern and completes the alert, so the case waits in CPO triage. Abuse suspected
   * (the bruise report): the first-hour decision is taken first, "not now", so triage is its only task.
   */
  ProcessInstance reportedAndAlerted(Map<String, Object> report) {
    ProcessInstance pi = report(report);
    execute(job("service_task_alert_new_concern", pi));
    assertThat(pi).isWaitingAt("user_task_cpo_triage");
    Task authorityDecision = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("user_task_authority_decision")
        .singleResult();
    if (authorityDecision != null) {
      complete(authorityDecision, withVariables("authoritiesToldNow", "no",
          "authorityDecisionReason", "Marks explained by the school nurse; triage gathers the facts"));
    }
    return pi;
  }

  ProcessInstance atCaseStudyTeam() {
    ProcessInstance pi = reportedAndAlerted(bruiseReport());
    complete(task(pi), withVariables("initialFacts", "Class teacher confirms", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    assertThat(pi).isWaitingAt("user_task_case_study_team");
    return pi;
  }

  static Map<String, Object> teamDecision(String courseOfAction, Object... more) {
    return with(Map.of("attendees", "CPO, DCPO, counselor, principal",
        "legalEthicalConsiderations", "Duty to report considered", "agenciesConsulted", "none",
        "courseOfAction", courseOfAction, "courseOfActionRationale", "Team reasoning", "parentsInformed", "yes"), more);
  }


  @Test
  void reportIsRecordedWithACaseReferenceAndAlertsCpoAndDeputy() {
    ProcessInstance pi = report(bruiseReport());

    assertThat(pi).isWaitingAt("service_task_alert_new_concern")
        .variables().containsEntry("reportedLate", false).containsEntry("priority", "standard")
        .containsEntry("triageDeadline", "PT24H").containsEntry("caseStudyTeamDeadline", "P2D");
    String reference = (String) runtimeService().getVariable(pi.getId(), "caseReference");
    org.assertj.core.api.Assertions.assertThat(reference).matches("SC-2026-[A-Z2-9]{6}");
    org.assertj.core.api.Assertions.assertThat(pi.getBusinessKey()).isEqualTo(reference);

    execute(job("service_task_alert_new_concern", pi));
    org.assertj.core.api.Assertions.assertThat(notifications.all()).singleElement()
        .satisfies(n -> {
          org.assertj.core.api.Assertions.assertThat(n.kind()).isEqualTo("new-concern");
          org.assertj.core.api.Assertions.assertThat(n.recipientGroups()).containsExactly("cpo", "dcpo");
          org.assertj.core.api.Assertions.assertThat(n.caseReference()).isEqualTo(reference);
        });
    assertThat(task("user_task_cpo_triage", pi)).hasCandidateGroup("cpo")
        .hasDueDate(Date.from(MONDAY_10_40.plusHours(24).toInstant()));
  }

  @Test
  void reportMadeMoreThanTwentyFourHoursLaterIsAcceptedAndFlaggedLate() {
    ProcessInstance pi = report(with(bruiseReport(),
        "concernAroseAt", Date.from(MONDAY_10_40.minusDays(4).toInstant())));

    assertThat(pi).isActive().variables().containsEntry("reportedLate", true);
  }

  @Test
  void reportWithoutTheObservationsIsRefusedNamingTheField() {
    Map<String, Object> incomplete = with(bruiseReport(), "observations", " ");

    assertThatThrownBy(() -> report(incomplete))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("observations").hasMessageContaining("What you observed");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void unknownCategoryIsRefused() {
    assertThatThrownBy(() -> report(with(bruiseReport(), "categories", "physical-abuse,witchcraft")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(categories)")
        .hasMessageContaining("a choice the form does not offer").hasMessageNotContaining("witchcraft");
  }

  @Test
  void malformedDateIsRefused() {
    assertThatThrownBy(() -> report(with(bruiseReport(), "concernAroseAt", "last Monday")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("concernAroseAt");
  }

  @Test
  void dateInTheFutureIsRefused() {
    assertThatThrownBy(() -> report(with(bruiseReport(), "concernAroseAt", "2026-11-24T09:00")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("future");
  }

  @Test
  void unknownChoiceForWhoTheConcernIsAboutIsRefused() {
    assertThatThrownBy(() -> report(with(bruiseReport(), "concernAbout", "neighbour")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("concernAbout");
  }


  @Test
  void childInImmediateDangerGetsAnImmediateActionTaskBeforeTriage() {
    ProcessInstance pi = report(with(bruiseReport(), "immediateDanger", true));

    // No job runs in between: the task exists as soon as the report is in.
    assertThat(pi).isWaitingAt("user_task_immediate_action", "service_task_alert_immediate_danger",
        "service_task_alert_new_concern");
    assertThat(task("user_task_immediate_action", pi)).hasCandidateGroup("cpo").hasCandidateGroup("dcpo");
    assertThat(pi).variables().containsEntry("priority", "critical").containsEntry("triageDeadline", "PT1H");

    execute(job("service_task_alert_immediate_danger", pi));
    complete(task("user_task_immediate_action", pi), withVariables("emergencyActions", "Nurse, police called",
        "emergencyAgency", "local-police", "emergencyContactPerson", "Officer Zhang",
        "emergencyContactedAt", new Date(), "emergencyReference", "JK-2026-1123"));
    assertThat(pi).hasPassed("end_event_immediate_action_recorded", "service_task_alert_immediate_danger");
    org.assertj.core.api.Assertions.assertThat(notifications.kinds()).contains("immediate-danger");
  }

  @Test
  void selfHarmStartsTheSelfHarmResponseAtOnceUnderTheSameReference() {
    ProcessInstance pi = report(with(bruiseReport(), "categories", "self-harm", "concernAbout", "unknown"));

    assertThat(pi).hasPassed("throw_event_start_self_harm_response", "end_event_self_harm_started");
    var selfHarm = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("self-harm-response").singleResult();
    org.assertj.core.api.Assertions.assertThat(selfHarm.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(selfHarm.getId(), "childName"))
        .isEqualTo("Lina Okafor-Testchild");
    assertThat(pi).isWaitingAt("service_task_alert_new_concern");
  }

  @Test
  void concernAboutAStaffMemberStartsTheAllegationFlow() {
    ProcessInstance pi = report(with(bruiseReport(), "concernAbout", "staff-or-volunteer",
        "subjectName", "PE teacher"));

    assertThat(pi).hasPassed("throw_event_start_allegation");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("allegation-against-adult").processInstanceBusinessKey(pi.getBusinessKey())
        .count()).isOne();
  }

  @Test
  void plainBullyingStartsTheAntiBullyingProcedure() {
    ProcessInstance pi = report(with(bruiseReport(), "categories", "cyberbullying", "concernAbout", "student"));

    assertThat(pi).hasPassed("throw_event_start_bullying");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("bullying-incident").processInstanceBusinessKey(pi.getBusinessKey())
        .count()).isOne();
  }


  @Test
  void triageNotDoneByItsDeadlineEscalatesToTheDeputyAndAlertsBoth() {
    ProcessInstance pi = reportedAndAlerted(bruiseReport());

    passTime(Duration.ofHours(23));
    org.assertj.core.api.Assertions.assertThat(
        BpmnAwareTests.managementService().createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).count())
        .isZero();
    passTime(Duration.ofHours(1).plusMinutes(1));
    execute(job("boundary_timer_triage_deadline", pi));
    execute(job("service_task_alert_triage_overdue", pi));

    assertThat(pi).isWaitingAt("user_task_dcpo_triage");
    assertThat(task(pi)).hasCandidateGroup("dcpo");
    org.assertj.core.api.Assertions.assertThat(notifications.kinds()).containsExactly("new-concern", "triage-overdue");
    org.assertj.core.api.Assertions.assertThat(notifications.all().get(1).recipientGroups())
        .as("the CPO is late: the deputy and the Head are told").containsExactly("dcpo", "head-of-school");

    complete(task(pi), withVariables("initialFacts", "Deputy gathered facts", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    assertThat(pi).isWaitingAt("user_task_case_study_team");
  }

  @Test
  void criticalConcernMustBeTriagedWithinOneHour() {
    ProcessInstance pi = reportedAndAlerted(with(bruiseReport(), "categories", "child-sexual-exploitation",
        "concernAbout", "external"));

    passTime(Duration.ofMinutes(61));
    execute(job("boundary_timer_triage_deadline", pi));
    assertThat(pi).isWaitingAt("service_task_alert_triage_overdue");
  }

  @Test
  void mandatoryReportToTheAuthoritiesIsRecordedBeforeTheTeamMeets() {
    ProcessInstance pi = reportedAndAlerted(bruiseReport());

    complete(task(pi), withVariables("initialFacts", "History of bruises", "authorityReportDue", "yes",
        "triageDecision", "case-study-team", "triageRationale", "Suspected unlawful harm"));
    assertThat(pi).isWaitingAt("user_task_report_to_authorities");
    assertThat(task(pi)).hasCandidateGroup("cpo").hasCandidateGroup("dcpo");
    complete(task(pi), withVariables("authorityReportAgency", "public-security-bureau",
        "authorityReportContactPerson", "Duty officer", "authorityReportContactedAt", new Date(),
        "authorityReportReference", "PSB-42"));

    assertThat(pi).isWaitingAt("user_task_case_study_team");
    assertThat(task(pi)).hasCandidateGroup("case-study-team");
  }

  @Test
  void triageCanCloseACaseThatIsNoChildProtectionConcern() {
    ProcessInstance pi = reportedAndAlerted(bruiseReport());
    person("cpoLi", "cpo");
    person("headWang", "head-of-school");

    actingAs("cpoLi");
    complete(task(pi), withVariables("initialFacts", "Bruise from football, seen by coach", "authorityReportDue", "no",
        "triageDecision", "close", "triageRationale", "Accident witnessed by two staff"));
    assertThat(pi).isWaitingAt("user_task_triage_close_sign_off");
    actingAs("headWang");
    complete(task(pi), withVariables("triageSignOff", "approve", "triageSignOffReason", "Two staff saw the fall"));
    assertThat(pi).isWaitingAt("user_task_close_case");
    complete(task(pi), withVariables("outcomeSummary", "Accidental injury", "caseReviewWanted", false,
        "parentsInformed", "yes"));

    assertThat(pi).isEnded().hasPassed("end_event_case_closed").hasNotPassed("user_task_case_review");
  }


  @Test
  void teamDecisionNotTakenInTwoDaysAlertsCpoAndDeputyAndStaysOpen() {
    ProcessInstance pi = atCaseStudyTeam();

    passTime(Duration.ofDays(2).plusMinutes(1));
    execute(job("boundary_timer_team_overdue", pi));
    execute(job("service_task_alert_team_overdue", pi));

    assertThat(pi).isWaitingAt("user_task_case_study_team").hasPassed("service_task_alert_team_overdue");
    org.assertj.core.api.Assertions.assertThat(notifications.kinds()).endsWith("case-study-team-overdue");
  }

  @Test
  void furtherDiscoveryGathersInformationThenReturnsToTheTeam() {
    ProcessInstance pi = atCaseStudyTeam();

    complete(task(pi), teamDecision("further-discovery",
        "discoveryPlan", "Counselor talks to the child; nurse checks"));
    assertThat(pi).isWaitingAt("user_task_further_discovery");
    assertThat(task(pi)).hasCandidateGroup("case-study-team").hasCandidateGroup("counselors");

    complete(task(pi), withVariables("discoveryFindings", "Mother confirms"));
    assertThat(pi).isWaitingAt("user_task_case_study_team");
  }

  @Test
  void furtherDiscoveryNotDeliveredIsRemindedThenEscalated() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("further-discovery", "discoveryPlan", "Meet the family"));

    passTime(Duration.ofDays(5).plusMinutes(1));
    execute(job("boundary_timer_discovery_reminder", pi));
    execute(job("service_task_remind_discovery", pi));
    passTime(Duration.ofDays(2));
    execute(job("boundary_timer_discovery_escalation", pi));
    execute(job("service_task_escalate_discovery", pi));

    org.assertj.core.api.Assertions.assertThat(notifications.kinds())
        .endsWith("further-discovery-due", "further-discovery-overdue");
    assertThat(pi).isWaitingAt("user_task_further_discovery");
  }

  @Test
  void monitoringReviewsRecurUntilTheCaseIsClosed() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("monitor", "monitoringPlan", "Weekly check by class teacher",
        "monitoringReviewInterval", "P14D"));

    for (int review = 1; review <= 3; review++) {
      assertThat(pi).isWaitingAt("timer_next_monitoring_review");
      passTime(Duration.ofDays(14));
      execute(job("timer_next_monitoring_review", pi));
      assertThat(pi).isWaitingAt("user_task_monitoring_review");
      complete(task(pi), withVariables("reviewNotes", "No new marks", "reviewOutcome", review < 3 ? "continue" : "close",
          "reviewRationale", "Clean review " + review));
    }

    assertThat(pi).isWaitingAt("user_task_close_case");
  }

  @Test
  void monitoringReviewNotDoneIsEscalatedAndCanSendTheCaseBackToTheTeam() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("monitor", "monitoringPlan", "Watch attendance",
        "monitoringReviewInterval", "P7D"));
    passTime(Duration.ofDays(7));
    execute(job("timer_next_monitoring_review", pi));

    passTime(Duration.ofDays(3).plusMinutes(1));
    execute(job("boundary_timer_review_overdue", pi));
    execute(job("service_task_alert_review_overdue", pi));
    org.assertj.core.api.Assertions.assertThat(notifications.kinds()).endsWith("monitoring-review-overdue");

    complete(task(pi), withVariables("reviewNotes", "New bruises", "reviewOutcome", "escalate",
        "reviewRationale", "Concern has grown"));
    assertThat(pi).isWaitingAt("user_task_case_study_team");
  }

  @Test
  void immediateActionRecordsTheAuthorityContactThenMonitorsTheSupportPlan() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("immediate-action"));

    assertThat(pi).isWaitingAt("user_task_contact_authorities");
    complete(task(pi), withVariables("interventionAgency", "jinkai-education-bureau",
        "interventionContactPerson", "Ms Li", "interventionContactedAt", new Date(),
        "interventionReference", "JEB-7", "supportPlan", "Weekly counseling",
        "parentsInformed", "no", "parentsNotInformedReason", "Father is the alleged abuser"));

    assertThat(pi).isWaitingAt("timer_next_monitoring_review");
  }

  @Test
  void parentsNotInformedWithoutAReasonIsRefused() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("immediate-action"));
    Map<String, Object> contacted = withVariables("interventionAgency", "jinkai-education-bureau",
        "interventionContactPerson", "Ms Li", "interventionContactedAt", new Date(),
        "interventionReference", "JEB-8", "supportPlan", "Weekly counseling", "parentsInformed", "no");

    assertThatThrownBy(() -> BpmnAwareTests.taskService().complete(task(pi).getId(), contacted))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(parentsNotInformedReason)");
    assertThatThrownBy(() -> BpmnAwareTests.taskService().complete(task(pi).getId(),
        with(contacted, "parentsNotInformedReason", "  ")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(parentsNotInformedReason)");
    assertThat(pi).isWaitingAt("user_task_contact_authorities");

    complete(task(pi), with(contacted, "parentsInformed", "yes"));
    assertThat(pi).isWaitingAt("timer_next_monitoring_review");
  }

  @Test
  void teamDecisionCannotBeCompletedWithoutItsRationaleWhateverTheCourse() {
    ProcessInstance pi = atCaseStudyTeam();
    Map<String, Object[]> ownFields = Map.of("further-discovery", new Object[] {"discoveryPlan", "Meet the family"},
        "monitor", new Object[] {"monitoringPlan", "Weekly check", "monitoringReviewInterval", "P14D"},
        "immediate-action", new Object[0], "no-action", new Object[0]);

    ownFields.forEach((course, fields) -> {
      Map<String, Object> withoutRationale = new java.util.HashMap<>(teamDecision(course, fields));
      withoutRationale.remove("courseOfActionRationale");
      assertThatThrownBy(() -> BpmnAwareTests.taskService().complete(task(pi).getId(), withoutRationale))
          .as(course).isInstanceOf(BadUserRequestException.class).hasMessageContaining("(courseOfActionRationale)");
      assertThatThrownBy(() -> BpmnAwareTests.taskService().complete(task(pi).getId(),
          with(withoutRationale, "courseOfActionRationale", " ")))
          .as(course).isInstanceOf(BadUserRequestException.class).hasMessageContaining("(courseOfActionRationale)");
    });

    assertThat(pi).isWaitingAt("user_task_case_study_team");
    complete(task(pi), teamDecision("no-action"));
    assertThat(pi).isWaitingAt("user_task_no_action_sign_off").variables()
        .containsEntry("courseOfActionRationale", "Team reasoning");
  }

  @Test
  void teamDecisionRequiresTheLegalAndEthicalImplicationsAndTheAgenciesConsulted() {
    ProcessInstance pi = atCaseStudyTeam();

    for (String considered : java.util.List.of("legalEthicalConsiderations", "agenciesConsulted")) {
      Map<String, Object> decision = new java.util.HashMap<>(teamDecision("no-action"));
      decision.remove(considered);
      assertThatThrownBy(() -> BpmnAwareTests.taskService().complete(task(pi).getId(), decision))
          .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(" + considered + ")");
    }

    assertThat(pi).isWaitingAt("user_task_case_study_team");
    complete(task(pi), teamDecision("no-action"));
    assertThat(pi).variables().containsEntry("legalEthicalConsiderations", "Duty to report considered")
        .containsEntry("agenciesConsulted", "none");
  }

  @Test
  void noActionNeedsTheCposSignOffAndCanEndWithACaseReview() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("no-action"));

    assertThat(pi).isWaitingAt("user_task_no_action_sign_off");
    assertThat(task(pi)).hasCandidateGroup("cpo");
    complete(task(pi), withVariables("signOffDecision", "approve", "signOffNote", "Bereavement known and supported"));
    complete(task(pi), withVariables("outcomeSummary", "No action, family supported", "caseReviewWanted", true,
        "parentsInformed", "yes"));
    assertThat(pi).isWaitingAt("user_task_case_review");
    complete(task(pi), withVariables("lessonsLearned", "Share bereavement notices with homeroom teachers"));

    assertThat(pi).isEnded().hasPassed("user_task_no_action_sign_off", "user_task_case_review");
  }

  @Test
  void cpoCanReturnANoActionDecisionToTheTeam() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("no-action"));

    complete(task(pi), withVariables("signOffDecision", "return", "signOffNote", "Ask the nurse first"));

    assertThat(pi).isWaitingAt("user_task_case_study_team");
    org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isOne();
  }

  @Test
  void informationAddedByThePublicReporterAlertsCpoAndDeputyAndWaitsForTheCposNote() {
    ProcessInstance pi = reportedAndAlerted(bruiseReport());

    runtimeService().createMessageCorrelation("ReporterAddedInformation").processInstanceId(pi.getId())
        .setVariable("reporterUpdateReceived", "He has a new bruise today")
        .setVariable("reporterUpdateReceivedAt", ClockUtil.getCurrentTime()).correlate();

    org.camunda.bpm.engine.task.Task read = taskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_read_reporter_information").singleResult();
    assertThat(read).hasCandidateGroup("cpo").hasCandidateGroup("dcpo");
    org.assertj.core.api.Assertions.assertThat(BpmnAwareTests.taskService().getVariable(read.getId(), "reporterUpdate"))
        .isEqualTo("He has a new bruise today");
    execute(job("service_task_alert_reporter_added_information", pi));
    org.assertj.core.api.Assertions.assertThat(notifications.kinds()).endsWith("reporter-added-information");
    complete(read, withVariables("reporterUpdateNote", "Added to triage"));

    assertThat(pi).hasPassed("end_event_reporter_information_read", "service_task_alert_reporter_added_information")
        .isWaitingAt("user_task_cpo_triage");
  }

  // --- the triage task as the CPO meets it in Tasklist: due exactly when its deadline timer fires
  // (the deadline is held once, in the variable both use), followed up halfway, urgent cases first,
  // described by case reference, never by the child's name.

  @Test
  void standardTriageIsDueWhenItsTimerFiresAndFollowedUpHalfway() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("safeguarding-concern", bruiseReport());
    Task triage = triageTask(pi);
    Date timerFires = triageDeadline(pi).getDuedate();

    Assertions.assertThat(triage.getDueDate()).isEqualTo(timerFires);
    // Standard priority: 24 hours (concern-triage.dmn), so the reminder comes after 12.
    Assertions.assertThat(Duration.between(MONDAY_10_40.toInstant(), triage.getDueDate().toInstant())).isEqualTo(Duration.ofHours(24));
    Assertions.assertThat(Duration.between(MONDAY_10_40.toInstant(), triage.getFollowUpDate().toInstant())).isEqualTo(Duration.ofHours(12));
    Assertions.assertThat(triage.getPriority()).isEqualTo(50);
    Assertions.assertThat(triage.getDescription()).startsWith("Case " + pi.getBusinessKey() + ": ")
        .doesNotContain("Okafor").doesNotContain("Lina");
    Assertions.assertThat(triage.getName()).doesNotContain("Okafor");
  }

  @Test
  void criticalTriageComesFirstWithTheShortDeadline() {
    Map<String, Object> report = with(bruiseReport(), "categories", "child-sexual-exploitation");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("safeguarding-concern", report);
    Task triage = triageTask(pi);

    Assertions.assertThat(triage.getDueDate()).isEqualTo(triageDeadline(pi).getDuedate());
    Assertions.assertThat(Duration.between(MONDAY_10_40.toInstant(), triage.getDueDate().toInstant())).isEqualTo(Duration.ofHours(1));
    Assertions.assertThat(triage.getPriority()).as("listed under Urgent (90 and more)").isEqualTo(100);
  }

  // --- issue 16: no bypass at triage, a corrected report, the first hour after suspected abuse,
  // no endless monitoring, parents informed on every course of action.

  static Map<String, Object> triageCloses(String authorityReportDue) {
    return withVariables("initialFacts", "Seen by the coach", "authorityReportDue", authorityReportDue,
        "triageDecision", "close", "triageRationale", "Football accident");
  }

  @Test
  void triageCannotCloseWhatTheTriageClosureTableForbidsAndTheServerNamesTheRule() {
    ProcessInstance danger = reportedAndAlerted(with(bruiseReport(), "immediateDanger", true));
    ProcessInstance critical = reportedAndAlerted(with(bruiseReport(), "categories", "child-sexual-exploitation"));
    ProcessInstance reportDue = reportedAndAlerted(bruiseReport());

    assertThatThrownBy(() -> complete(task("user_task_cpo_triage", danger), triageCloses("no")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("triage-closure")
        .hasMessageContaining("immediate danger");
    assertThatThrownBy(() -> complete(task("user_task_cpo_triage", critical), triageCloses("no")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("critical or high-priority");
    assertThatThrownBy(() -> complete(task("user_task_cpo_triage", reportDue), triageCloses("yes")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("report to the authorities is due");

    assertThat(danger).isWaitingAt("user_task_cpo_triage");
    assertThat(critical).isWaitingAt("user_task_cpo_triage");
    assertThat(reportDue).isWaitingAt("user_task_cpo_triage");
  }

  @Test
  void triageCannotCloseAfterTheFirstHourDecisionSaidTellTheAuthoritiesNow() {
    ProcessInstance pi = report(bruiseReport());
    complete(task("user_task_authority_decision", pi), withVariables("authoritiesToldNow", "yes",
        "authorityDecisionReason", "Finger marks and the child's words"));

    assertThatThrownBy(() -> complete(task("user_task_cpo_triage", pi), triageCloses("no")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("report to the authorities is due");
  }

  @Test
  void theModelSendsAForbiddenClosureToTheTeamEvenWithoutTheServerCheck() {
    // The gateway's own condition, by the same table: what happens if the check were ever skipped.
    Mocks.register("triageRules", (org.camunda.bpm.engine.delegate.TaskListener) task -> task.getExecution()
        .setVariable("reportCorrected", false));
    ProcessInstance pi = reportedAndAlerted(with(bruiseReport(), "categories", "child-sexual-exploitation"));

    complete(task("user_task_cpo_triage", pi), triageCloses("no"));

    assertThat(pi).isWaitingAt("user_task_case_study_team").hasNotPassed("user_task_triage_close_sign_off")
        .variables().containsEntry("triageCloseAllowed", false);
  }

  @Test
  void closingAtTriageIsSignedOffByASecondPersonOfTheSignOffGroupsOnly() {
    person("cpoLi", "cpo");
    person("teacherChen", "staff");
    person("dcpoZhao", "dcpo");
    ProcessInstance pi = reportedAndAlerted(bruiseReport());
    actingAs("cpoLi");
    complete(task(pi), triageCloses("no"));
    assertThat(task(pi)).hasDefinitionKey("user_task_triage_close_sign_off")
        .hasCandidateGroup("cpo").hasCandidateGroup("dcpo").hasCandidateGroup("head-of-school");
    Map<String, Object> signOff = withVariables("triageSignOff", "approve", "triageSignOffReason", "Agreed");

    assertThatThrownBy(() -> complete(task(pi), signOff)).as("the person who triaged")
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("second person");
    actingAs("teacherChen");
    assertThatThrownBy(() -> complete(task(pi), signOff)).as("someone outside the sign-off groups")
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("sign-off group");
    identityService().clearAuthentication();
    assertThatThrownBy(() -> complete(task(pi), signOff)).as("nobody named")
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("named person");
    assertThat(pi).isWaitingAt("user_task_triage_close_sign_off");

    actingAs("dcpoZhao");
    complete(task(pi), withVariables("triageSignOff", "refer", "triageSignOffReason", "The team should see the history"));
    assertThat(pi).isWaitingAt("user_task_case_study_team");
  }

  @Test
  void aCorrectedReportIsDecidedAgainAndStartsThePathwaysTheCorrectedFactsAdd() {
    // As an email or the public page reports it: unknown who it is about, category "other".
    ProcessInstance pi = reportedAndAlerted(with(bruiseReport(), "categories", "other", "concernAbout", "unknown"));
    assertThat(pi).variables().containsEntry("priority", "standard");
    long allegations = runtimeService().createProcessInstanceQuery().processDefinitionKey("allegation-against-adult").count();

    passTime(Duration.ofHours(3));
    complete(task(pi), withVariables("initialFacts", "The parent's email names the PE teacher", "authorityReportDue", "no",
        "correctReport", true, "correctedCategories", java.util.List.of("physical-abuse"),
        "correctedConcernAbout", "staff-or-volunteer", "correctedImmediateDanger", false,
        "correctionReason", "The parent confirmed by phone: the PE teacher grabbed the child",
        "triageDecision", "case-study-team", "triageRationale", "Allegation against a teacher"));

    assertThat(pi).hasPassed("throw_event_start_allegation").isWaitingAt("user_task_case_study_team", "user_task_authority_decision")
        .variables().containsEntry("categories", "physical-abuse").containsEntry("concernAbout", "staff-or-volunteer")
        .containsEntry("priority", "high").containsEntry("triageDeadline", "PT4H");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("allegation-against-adult").processInstanceBusinessKey(pi.getBusinessKey()).count()).isOne();
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("allegation-against-adult").count()).isEqualTo(allegations + 1);
    // The first-hour clock starts at the correction, and nothing of the first pass runs twice.
    assertThat(task("user_task_authority_decision", pi)).hasDueDate(Date.from(MONDAY_10_40.plusHours(4).toInstant()));
    org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_cpo_triage").count()).isZero();
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("service_task_alert_new_concern").count()).isZero();
  }

  @Test
  void aCorrectionWithoutItsReasonOrFactsIsRefused() {
    ProcessInstance pi = reportedAndAlerted(with(bruiseReport(), "categories", "other", "concernAbout", "unknown"));
    Map<String, Object> noReason = withVariables("initialFacts", "Email", "authorityReportDue", "no",
        "correctReport", true, "correctedCategories", java.util.List.of("neglect"), "correctedConcernAbout", "family-member",
        "triageDecision", "case-study-team", "triageRationale", "Neglect at home");
    Map<String, Object> noCategories = with(noReason, "correctionReason", "Phone call", "correctedCategories", java.util.List.of());
    Map<String, Object> unknownCategory = with(noReason, "correctionReason", "Phone call",
        "correctedCategories", java.util.List.of("witchcraft"));

    assertThatThrownBy(() -> complete(task(pi), noReason)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("correctionReason");
    assertThatThrownBy(() -> complete(task(pi), noCategories)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("correctedCategories");
    // The refusal names the field, never the submitted value.
    assertThatThrownBy(() -> complete(task(pi), unknownCategory)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("correctedCategories").hasMessageNotContaining("witchcraft");
    assertThat(pi).isWaitingAt("user_task_cpo_triage").variables().containsEntry("categories", "other");
  }

  @Test
  void suspectedAbuseIsDecidedOnWithinTheHourAndTheReportHasItsOwnDeadlineAndEscalation() {
    ProcessInstance pi = report(bruiseReport());
    Task decision = task("user_task_authority_decision", pi);
    assertThat(decision).hasCandidateGroup("cpo").hasCandidateGroup("dcpo")
        .hasDueDate(Date.from(MONDAY_10_40.plusHours(1).toInstant()));
    org.assertj.core.api.Assertions.assertThat(decision.getPriority()).as("listed under Urgent").isGreaterThanOrEqualTo(90);

    passTime(Duration.ofMinutes(59));
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("boundary_timer_authority_decision_overdue").duedateLowerThan(ClockUtil.getCurrentTime()).count()).isZero();
    passTime(Duration.ofMinutes(2));
    execute(job("boundary_timer_authority_decision_overdue", pi));
    execute(job("service_task_alert_authority_decision_overdue", pi));
    org.assertj.core.api.Assertions.assertThat(notifications.all()).filteredOn(n -> n.kind().equals("authority-decision-overdue"))
        .singleElement().satisfies(n -> org.assertj.core.api.Assertions.assertThat(n.recipientGroups()).containsExactly("head-of-school"));

    complete(task("user_task_authority_decision", pi), withVariables("authoritiesToldNow", "yes",
        "authorityDecisionReason", "Finger marks and the child's words"));
    Task reportNow = task("user_task_report_abuse_to_authorities", pi);
    assertThat(reportNow).hasDueDate(Date.from(MONDAY_10_40.plusMinutes(61 + 120).toInstant()));
    passTime(Duration.ofHours(2).plusMinutes(1));
    execute(job("boundary_timer_abuse_report_overdue", pi));
    execute(job("service_task_alert_abuse_report_overdue", pi));
    org.assertj.core.api.Assertions.assertThat(notifications.kinds()).contains("authority-report-overdue");

    complete(task("user_task_report_abuse_to_authorities", pi), withVariables("authorityReportAgency", "public-security-bureau",
        "authorityReportContactPerson", "Duty officer", "authorityReportContactedAt", new Date(),
        "authorityReportReference", "PSB-43"));
    assertThat(pi).hasPassed("end_event_abuse_reported", "service_task_alert_authority_decision_overdue",
        "service_task_alert_abuse_report_overdue").isWaitingAt("user_task_cpo_triage");
  }

  @Test
  void noAbuseMeansNoFirstHourDecision() {
    ProcessInstance pi = report(with(bruiseReport(), "categories", "other"));

    org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_authority_decision").count()).isZero();
  }

  @Test
  void theFirstHourDecisionNotNowLeavesTheCaseToTriage() {
    ProcessInstance pi = reportedAndAlerted(bruiseReport());

    assertThat(pi).hasPassed("end_event_authorities_not_told_now").isWaitingAt("user_task_cpo_triage")
        .variables().containsEntry("authoritiesToldNow", "no");
  }

  void reviewAfter(ProcessInstance pi, Duration interval, String outcome) {
    assertThat(pi).isWaitingAt("timer_next_monitoring_review");
    passTime(interval);
    execute(job("timer_next_monitoring_review", pi));
    complete(task(pi), withVariables("reviewNotes", "No new marks", "reviewOutcome", outcome, "reviewRationale", "As before"));
  }

  @Test
  void monitoringGoesBackToTheTeamAfterTheRoundsAllowed() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("monitor", "monitoringPlan", "Weekly check", "monitoringReviewInterval", "P7D"));

    for (int round = 1; round < 6; round++) {
      reviewAfter(pi, Duration.ofDays(7), "continue");
    }
    assertThat(pi).isWaitingAt("timer_next_monitoring_review");
    reviewAfter(pi, Duration.ofDays(7), "continue");

    assertThat(pi).isWaitingAt("user_task_case_study_team").variables().containsEntry("monitoringRound", 6L);
    // The team decides again: monitoring starts again with its own count.
    complete(task(pi), teamDecision("monitor", "monitoringPlan", "Weekly check", "monitoringReviewInterval", "P7D"));
    reviewAfter(pi, Duration.ofDays(7), "continue");
    assertThat(pi).isWaitingAt("timer_next_monitoring_review");
  }

  @Test
  void monitoringGoesBackToTheTeamAfterTheMonthsAllowed() {
    ProcessInstance pi = atCaseStudyTeam();
    complete(task(pi), teamDecision("monitor", "monitoringPlan", "Monthly check", "monitoringReviewInterval", "P28D"));
    reviewAfter(pi, Duration.ofDays(28), "continue");
    assertThat(pi).isWaitingAt("timer_next_monitoring_review");

    reviewAfter(pi, Duration.ofDays(160), "continue");

    assertThat(pi).isWaitingAt("user_task_case_study_team").variables().containsEntry("monitoringRound", 2L);
  }

  @Test
  void everyCourseOfActionAndTheClosureAskWhetherTheParentsAreInformed() {
    ProcessInstance atTeam = atCaseStudyTeam();
    Map<String, Object> withoutParents = new HashMap<>(teamDecision("monitor", "monitoringPlan", "Weekly check",
        "monitoringReviewInterval", "P7D"));
    withoutParents.remove("parentsInformed");
    assertThatThrownBy(() -> complete(task(atTeam), withoutParents)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("parentsInformed");

    person("cpoLi", "cpo");
    person("dcpoZhao", "dcpo");
    ProcessInstance closing = reportedAndAlerted(bruiseReport());
    actingAs("cpoLi");
    complete(task(closing), triageCloses("no"));
    actingAs("dcpoZhao");
    complete(task(closing), withVariables("triageSignOff", "approve", "triageSignOffReason", "Two staff saw the fall"));
    assertThatThrownBy(() -> complete(task(closing), withVariables("outcomeSummary", "Closed", "caseReviewWanted", false)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("parentsInformed");
    complete(task(closing), withVariables("outcomeSummary", "Closed", "caseReviewWanted", false, "parentsInformed", "no",
        "parentsNotInformedReason", "The father is the subject of the concern"));
    assertThat(closing).isEnded();
  }

  private static Task triageTask(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("user_task_cpo_triage").singleResult();
  }

  private static Job triageDeadline(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("boundary_timer_triage_deadline").singleResult();
  }
}
