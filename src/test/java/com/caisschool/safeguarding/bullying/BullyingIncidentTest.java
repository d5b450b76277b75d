package com.caisschool.safeguarding.bullying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The anti-bullying procedure (flows.md section 4) on the plain engine: every path of the model,
 * with the deadlines driven by the engine clock. The concern process is deployed too, for the
 * escalation both ways; only this procedure's coverage is measured here.
 */
@Deployment(resources = {
    "processes/bullying-incident.bpmn",
    "processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
    "forms/bullying-report.form", "forms/bullying-support-targeted-student.form",
    "forms/bullying-investigation.form", "forms/bullying-authority-report.form",
    "forms/bullying-mediation.form", "forms/bullying-consequences.form",
    "forms/bullying-expulsion-decision.form", "forms/bullying-aup-consequences.form",
    "forms/bullying-parents.form", "forms/bullying-interventions.form",
    "forms/bullying-behaviour-plan.form", "forms/bullying-behaviour-check-in.form",
    "forms/bullying-behaviour-plan-review.form", "forms/bullying-family-conference.form",
    "forms/bullying-counseling.form", "forms/bullying-outside-referral.form",
    "forms/bullying-closure.form", "forms/bullying-monitoring-limit.form",
    "forms/report-safeguarding-concern.form", "forms/immediate-action.form",
    "forms/concern-triage.form", "forms/authority-report.form",
    "forms/case-study-team-decision.form", "forms/further-discovery.form",
    "forms/contact-authorities.form", "forms/monitoring-review.form",
    "forms/no-action-sign-off.form", "forms/close-case.form", "forms/case-review.form"})
class BullyingIncidentTest {

  static final String PROCESS = "bullying-incident";
  /** A Monday morning at school. */
  static final Date T0 = Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG)
      .excludeProcessDefinitionKeys("safeguarding-concern")
      .assertClassCoverageAtLeast(0.9)
      .build();

  RecordedNotifications notifications;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    ClockUtil.setCurrentTime(T0);
  }

  @AfterEach
  void tearDown() {
    identityService().clearAuthentication();
    Mocks.reset();
    ClockUtil.reset();
  }

  // --- the paths ---------------------------------------------------------------------------------

  @Test
  void targetedStudentIsSupportedFirstAndNotConfirmedBullyingIsResolvedByMediationAndClosed() {
    ProcessInstance pi = reportDirectly("verbal", "social");

    assertThat(pi).isWaitingAt("service_task_alert_bullying_reported");
    runNotifications();
    assertThat(notifications.kinds()).containsExactly("bullying-reported");
    assertThat(pi.getBusinessKey()).as("a direct report gets a case reference").startsWith("SC-2026-");
    assertThat(notifications.all().get(0).caseReference()).isEqualTo(pi.getBusinessKey());
    assertThat(notifications.all().get(0).recipientGroups()).containsExactly("counselors", "head-of-school");
    assertThat(pi).isWaitingAt("user_task_support_targeted_student");
    assertThat(taskOf(pi, "user_task_support_targeted_student")).hasCandidateGroup("counselors");
    assertThat(taskOf(pi, "user_task_investigate")).as("the investigation runs beside the support").hasCandidateGroup("head-of-school");

    supportTargetedStudent(pi);
    assertThat(pi).isWaitingAt("user_task_investigate").hasPassed("end_event_support_recorded");
    assertThat(task(pi)).hasCandidateGroup("head-of-school");
    investigate(pi, "no", "no", json("verbal", "social"));

    assertThat(pi).isWaitingAt("user_task_resolve_conflict");
    complete(task(pi), withVariables("resolutionApproach", "restorative-conversation",
        "resolutionApproachReason", "Both students want to talk it through.",
        "resolutionParticipants", "Both students and Ms Li, 5 March.",
        "resolutionAgreement", "No more comments in the group chat; weekly word with Ms Li.",
        "resolutionParentsInformed", "Both families by phone on 5 March.",
        "closureSummary", "A falling-out between friends, resolved."));
    assertThat(pi).isEnded().hasPassed("end_event_resolved_by_mediation")
        .hasNotPassed("user_task_decide_consequences", "throw_event_open_safeguarding_concern");
  }

  @ParameterizedTest
  @ValueSource(strings = {"warning", "detention", "suspension"})
  void eachConsequenceLevelIsRecordedAndLeadsToBothFamilies(String level) {
    ProcessInstance pi = confirmedBullying("verbal");

    complete(task(pi), consequence(level));

    assertThat(pi).isWaitingAt("user_task_involve_parents")
        .hasPassed("gateway_expulsion_recommended", "gateway_cyberbullying")
        .hasNotPassed("user_task_decide_expulsion", "user_task_aup_consequences")
        .variables().containsEntry("consequenceLevel", level).containsEntry("cyberbullying", false);
    assertThat(task(pi)).hasCandidateGroup("head-of-school");
  }

  @Test
  void anExpulsionRecommendationIsDecidedByTheHeadOfSchool() {
    ProcessInstance pi = confirmedBullying("physical");

    complete(task(pi), consequence("expulsion-recommendation"));
    assertThat(pi).isWaitingAt("user_task_decide_expulsion");
    assertThat(task(pi)).hasCandidateGroup("head-of-school");
    complete(task(pi), withVariables("expulsionDecision", "alternative",
        "expulsionDecisionReason", "First serious incident; the family engages.",
        "alternativeConsequence", "Suspension for 5 days and a behaviour plan."));

    assertThat(pi).isWaitingAt("user_task_involve_parents")
        .variables().containsEntry("expulsionDecision", "alternative");
  }

  @Test
  void cyberbullyingAddsInternetSuspensionAndDeviceConfiscationUnderTheAcceptableUsePolicy() {
    ProcessInstance pi = confirmedBullying("cyber", "verbal");
    assertThat(pi).variables().containsEntry("cyberbullying", true);

    complete(task(pi), consequence("detention"));
    assertThat(pi).isWaitingAt("user_task_aup_consequences");
    complete(task(pi), withVariables("aupConsequences", json("internet-suspension", "device-confiscation"),
        "aupConsequencesReason", "The messages were sent from his phone on the school network.",
        "internetSuspendedFrom", "2026-03-09", "internetSuspensionDays", 10L,
        "devicesConfiscated", "Phone, 9 March, kept by the Grade 8 principal.",
        "deviceReturnArrangement", "Returned to the mother on 20 March.",
        "aupSectionsBreached", "Respectful communication; no harassment."));

    assertThat(pi).isWaitingAt("user_task_involve_parents")
        .variables().containsEntry("internetSuspensionDays", 10L)
        .containsKey("devicesConfiscated");
  }

  @Test
  void oneAcceptableUseConsequenceWithItsReasonIsEnoughThePolicySaysMayInclude() {
    ProcessInstance pi = confirmedBullying("cyber");
    complete(task(pi), consequence("warning"));

    complete(task(pi), withVariables("aupConsequences", json("device-confiscation"),
        "aupConsequencesReason", "The photos were taken and shared with his own tablet; internet access is needed for his coursework.",
        "devicesConfiscated", "Tablet, 9 March, kept by the Grade 8 principal.",
        "deviceReturnArrangement", "Returned to the father on 13 March.", "aupSectionsBreached", "No photos of others without consent."));

    assertThat(pi).isWaitingAt("user_task_involve_parents")
        .variables().doesNotContainKey("internetSuspendedFrom").doesNotContainKey("internetSuspensionDays")
        .containsEntry("aupConsequencesReason",
            "The photos were taken and shared with his own tablet; internet access is needed for his coursework.");
  }

  @Test
  void cyberbullyingFormsRequireTheAupConsequencesAndTheOnlineEvidence() throws Exception {
    // The form asks for a choice of consequences (at least one) and its reason; each consequence's details only when chosen.
    assertThat(BullyingForms.requiredKeys("bullying-aup-consequences")).contains("aupConsequences", "aupConsequencesReason");
    Map<String, Object> form = BullyingForms.fields("bullying-aup-consequences");
    assertThat(((com.fasterxml.jackson.databind.JsonNode) form.get("aupConsequences")).path("type").asText()).isEqualTo("checklist");
    for (String detail : List.of("internetSuspendedFrom", "internetSuspensionDays", "devicesConfiscated", "deviceReturnArrangement")) {
      assertThat(((com.fasterxml.jackson.databind.JsonNode) form.get(detail)).path("conditional").path("hide").asText())
          .as(detail + " is asked only when its consequence is chosen").contains("list contains(aupConsequences");
    }
    assertThat(BullyingForms.text("bullying-aup-consequences")).doesNotContain("Record both consequences");
    assertThat(BullyingForms.requiredKeys("bullying-investigation")).contains("onlineEvidence");
  }

  @ParameterizedTest
  @ValueSource(strings = {"interventionFamilyConference", "interventionCounseling", "interventionOutsideReferral"})
  void eachInterventionAloneIsItsOwnTaskThenMonitoring(String intervention) {
    ProcessInstance pi = atInterventions("social");

    complete(task(pi), interventions(intervention));

    String expected = Map.of("interventionFamilyConference", "user_task_family_conference",
        "interventionCounseling", "user_task_counseling",
        "interventionOutsideReferral", "user_task_outside_referral").get(intervention);
    assertThat(pi).isWaitingAt(expected);
    assertThat(activeTaskKeys(pi)).containsExactly(expected);
    completeIntervention(pi, expected);
    assertThat(pi).isWaitingAt("timer_monitoring_period");
  }

  @Test
  void aBehaviourPlanAloneRunsItsCheckInsThenMonitoring() {
    ProcessInstance pi = atInterventions("verbal");

    complete(task(pi), interventions("interventionBehaviourPlan"));
    assertThat(activeTaskKeys(pi)).containsExactly("user_task_write_behaviour_plan");
    writeBehaviourPlan(pi, "P7D", "P42D");
    runUntilPlanEnds(pi);
    completeIntervention(pi, "user_task_review_behaviour_plan");

    assertThat(pi).isWaitingAt("timer_monitoring_period");
  }

  @Test
  void allInterventionsTogetherMustAllFinishBeforeMonitoring() {
    ProcessInstance pi = atInterventions("physical");

    complete(task(pi), interventions("interventionBehaviourPlan", "interventionFamilyConference",
        "interventionCounseling", "interventionOutsideReferral"));
    assertThat(activeTaskKeys(pi)).containsExactlyInAnyOrder("user_task_write_behaviour_plan",
        "user_task_family_conference", "user_task_counseling", "user_task_outside_referral");

    completeIntervention(pi, "user_task_family_conference");
    completeIntervention(pi, "user_task_counseling");
    completeIntervention(pi, "user_task_outside_referral");
    writeBehaviourPlan(pi, "P7D", "P42D");
    assertThat(pi).isWaitingAt("subprocess_behaviour_plan_check_ins").isNotWaitingAt("timer_monitoring_period");

    runUntilPlanEnds(pi);
    completeIntervention(pi, "user_task_review_behaviour_plan");
    assertThat(pi).isWaitingAt("timer_monitoring_period");
  }

  @Test
  void noInterventionChosenGoesStraightToMonitoringWithItsReason() {
    ProcessInstance pi = atInterventions("verbal");

    complete(task(pi), interventions());

    assertThat(pi).isWaitingAt("timer_monitoring_period")
        .hasNotPassed("user_task_write_behaviour_plan", "user_task_family_conference", "user_task_counseling",
            "user_task_outside_referral")
        .variables().containsKey("interventionsReason");
  }

  @Test
  void behaviourPlanCheckInsFireWeeklyAndStopWhenTheSixWeekPlanEnds() {
    ProcessInstance pi = atInterventions("verbal");
    complete(task(pi), interventions("interventionBehaviourPlan"));
    writeBehaviourPlan(pi, "P7D", "P42D");
    Date planStart = ClockUtil.getCurrentTime();
    assertThat(timer(pi, "boundary_timer_behaviour_plan_ends").getDuedate()).isEqualTo(plus(planStart, Duration.ofDays(42)));

    for (int week = 1; week <= 5; week++) {
      Job next = timer(pi, "timer_next_check_in");
      Date due = plus(planStart, Duration.ofDays(7L * week).plusHours(week - 1));
      assertThat(next.getDuedate()).as("check-in %d due a week after the last one", week).isEqualTo(due);
      ClockUtil.setCurrentTime(plus(due, Duration.ofMinutes(-1)));
      assertThat(dueTimers(pi)).as("nothing due before the check-in").isEmpty();
      ClockUtil.setCurrentTime(due);
      managementService().executeJob(next.getId());
      runNotifications();
      assertThat(pi).isWaitingAt("user_task_behaviour_check_in");
      // the counselor does the check-in an hour after it is due
      ClockUtil.setCurrentTime(plus(due, Duration.ofHours(1)));
      checkIn(pi, "continue");
    }

    Job sixth = timer(pi, "timer_next_check_in");
    Job planEnds = timer(pi, "boundary_timer_behaviour_plan_ends");
    assertThat(planEnds.getDuedate()).isBefore(sixth.getDuedate());
    ClockUtil.setCurrentTime(planEnds.getDuedate());
    assertThat(dueTimers(pi)).extracting(Job::getId).containsExactly(planEnds.getId());
    managementService().executeJob(planEnds.getId());

    assertThat(pi).isWaitingAt("user_task_review_behaviour_plan").isNotWaitingAt("subprocess_behaviour_plan_check_ins");
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("timer_next_check_in").count()).as("no check-in is scheduled after the plan ended").isZero();
    assertThat(notifications.kinds()).filteredOn("behaviour-plan-check-in-due"::equals).hasSize(5);
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_behaviour_check_in").finished().count()).isEqualTo(5);
  }

  @Test
  void theCheckInIntervalAndPlanLengthChosenInThePlanFormAreUsed() {
    ProcessInstance pi = atInterventions("verbal");
    complete(task(pi), interventions("interventionBehaviourPlan"));
    writeBehaviourPlan(pi, "P14D", "P28D");
    Date planStart = ClockUtil.getCurrentTime();

    Job first = timer(pi, "timer_next_check_in");
    assertThat(first.getDuedate()).isEqualTo(plus(planStart, Duration.ofDays(14)));
    assertThat(timer(pi, "boundary_timer_behaviour_plan_ends").getDuedate()).isEqualTo(plus(planStart, Duration.ofDays(28)));
    ClockUtil.setCurrentTime(first.getDuedate());
    managementService().executeJob(first.getId());
    runNotifications();
    ClockUtil.setCurrentTime(plus(first.getDuedate(), Duration.ofHours(1)));
    checkIn(pi, "continue");

    runUntilPlanEnds(pi);
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_behaviour_check_in").count()).isEqualTo(1);
  }

  @Test
  void goalsMetAtACheckInEndThePlanEarlyWithTheReasonRecorded() {
    ProcessInstance pi = atInterventions("verbal");
    complete(task(pi), interventions("interventionBehaviourPlan"));
    writeBehaviourPlan(pi, "P7D", "P42D");
    Job first = timer(pi, "timer_next_check_in");
    ClockUtil.setCurrentTime(first.getDuedate());
    managementService().executeJob(first.getId());
    runNotifications();

    checkIn(pi, "end-early");

    assertThat(pi).isWaitingAt("user_task_review_behaviour_plan").hasPassed("end_event_plan_ended_early")
        .variables().containsEntry("checkInOutcomeReason", "Reason for checkInOutcome");
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("timer_next_check_in").count()).isZero();
  }

  @Test
  void monitoringPeriodOfFourWeeksThenClosureWithASummary() {
    ProcessInstance pi = atInterventions("verbal");
    complete(task(pi), interventions("interventionCounseling"));
    completeIntervention(pi, "user_task_counseling");
    Date monitoringStart = ClockUtil.getCurrentTime();

    Job monitoring = timer(pi, "timer_monitoring_period");
    assertThat(monitoring.getDuedate()).isEqualTo(plus(monitoringStart, Duration.ofDays(28)));
    ClockUtil.setCurrentTime(monitoring.getDuedate());
    managementService().executeJob(monitoring.getId());
    assertThat(pi).isWaitingAt("user_task_close_case");
    complete(task(pi), withVariables("monitoringFindings", "Mei says it has stopped; no incidents seen.",
        "monitoringOutcome", "close", "monitoringOutcomeReason", "Four quiet weeks.",
        "closureSummary", "Detention, counseling; the bullying stopped.",
        "closureParentsInformed", "yes"));

    assertThat(pi).isEnded().hasPassed("end_event_case_closed");
  }

  @Test
  void bullyingThatHasNotStoppedIsMonitoredForAnotherPeriod() {
    ProcessInstance pi = atInterventions("verbal");
    complete(task(pi), interventions("interventionCounseling"));
    completeIntervention(pi, "user_task_counseling");
    Job monitoring = timer(pi, "timer_monitoring_period");
    ClockUtil.setCurrentTime(monitoring.getDuedate());
    managementService().executeJob(monitoring.getId());

    complete(task(pi), withVariables("monitoringFindings", "Some comments again last week.",
        "monitoringOutcome", "extend", "monitoringOutcomeReason", "Not yet settled."));

    assertThat(pi).isWaitingAt("timer_monitoring_period").hasPassed("user_task_close_case", "gateway_close_or_extend");
    assertThat(timer(pi, "timer_monitoring_period").getDuedate())
        .isEqualTo(plus(monitoring.getDuedate(), Duration.ofDays(28)));
  }

  @Test
  void signsOfAbuseOpenASafeguardingConcernForTheChildAndAreReportedToPoliceAndBureau() {
    ProcessInstance pi = reportDirectly("physical");
    runNotifications();
    supportTargetedStudent(pi);

    Map<String, Object> investigation = investigationResult("yes", "yes", json("physical"));
    investigation.put("abuseCategories", json("physical-abuse", "peer-on-peer-abuse"));
    investigation.put("abuseConcernAbout", "student");
    investigation.put("abuseSubjectName", "Alex Wu, Grade 8");
    investigation.put("abuseImmediateDanger", false);
    complete(task(pi), investigation);

    ProcessInstance concern = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("safeguarding-concern").singleResult();
    assertThat(concern).isNotNull();
    assertThat(concern).variables()
        .containsEntry("childName", "Mei Chen-Testchild").containsEntry("childGrade", "Grade 7")
        .containsEntry("concernAbout", "student").containsEntry("location", "Bus 3")
        .containsEntry("categories", "physical-abuse,peer-on-peer-abuse")
        .containsEntry("observations", "Reason for abuseIndicators")
        .containsEntry("parentCaseProcessInstanceId", pi.getId())
        .containsEntry("referredFromBullyingCase", pi.getBusinessKey());
    assertThat(runtimeService().getVariable(concern.getId(), "reporterId"))
        .as("the bullying reporter's identity is not passed on").isNull();
    assertThat(concern.getBusinessKey()).startsWith("SC-");

    assertThat(pi).isWaitingAt("user_task_report_to_authorities");
    Task report = task(pi);
    assertThat(report).hasCandidateGroup("cpo").hasCandidateGroup("dcpo");
    assertThat(report.getPriority()).isEqualTo(100);
    complete(report, withVariables(
        "policeReportAgency", "local-police", "policeReportContactPerson", "Officer Zhang",
        "policeReportContactedAt", "2026-03-05T10:00+08:00", "policeReportReference", "110-55",
        "bureauReportAgency", "jinkai-education-bureau", "bureauReportContactPerson", "Mr Liu",
        "bureauReportContactedAt", "2026-03-05T10:30+08:00", "bureauReportReference", "none given"));

    assertThat(pi).as("the anti-bullying procedure continues beside the concern")
        .isWaitingAt("user_task_decide_consequences");
  }

  @Test
  void investigationDueSoonRemindsTheAdministratorThenEscalatesWhenTheDeadlinePasses() {
    ProcessInstance pi = reportDirectly("verbal");
    runNotifications();
    supportTargetedStudent(pi);
    Date investigationStart = ClockUtil.getCurrentTime();
    Task investigation = task(pi);
    assertThat(investigation.getDueDate()).isEqualTo(plus(investigationStart, Duration.ofDays(10)));

    Job reminder = timer(pi, "boundary_timer_investigation_reminder");
    assertThat(reminder.getDuedate()).isEqualTo(plus(investigationStart, Duration.ofDays(8)));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    managementService().executeJob(reminder.getId());
    runNotifications();
    assertThat(notifications.kinds()).endsWith("bullying-investigation-due");
    assertThat(notifications.all().get(notifications.all().size() - 1).recipientGroups()).containsExactly("head-of-school");

    Job escalation = timer(pi, "boundary_timer_investigation_overdue");
    assertThat(escalation.getDuedate()).isEqualTo(plus(investigationStart, Duration.ofDays(10)));
    ClockUtil.setCurrentTime(escalation.getDuedate());
    managementService().executeJob(escalation.getId());
    runNotifications();
    assertThat(notifications.kinds()).endsWith("bullying-investigation-due", "bullying-investigation-overdue");
    assertThat(notifications.all().get(notifications.all().size() - 1).recipientGroups())
        .as("the Head holds the investigation: the escalation table's roles, not the Head")
        .containsExactly("cpo", "dcpo", "board-chair");

    assertThat(pi).as("the investigation stays open with its administrator").isWaitingAt("user_task_investigate")
        .hasPassed("service_task_remind_investigation", "service_task_escalate_investigation");
  }

  @Test
  void supportNotRecordedWithinADayAlertsCounselorsAndAdministrators() {
    ProcessInstance pi = reportDirectly("emotional");
    runNotifications();
    assertThat(taskOf(pi, "user_task_support_targeted_student").getPriority()).isEqualTo(80);

    Job overdue = timer(pi, "boundary_timer_support_overdue");
    assertThat(overdue.getDuedate()).isEqualTo(plus(T0, Duration.ofDays(1)));
    ClockUtil.setCurrentTime(overdue.getDuedate());
    managementService().executeJob(overdue.getId());
    runNotifications();

    assertThat(notifications.kinds()).containsExactly("bullying-reported", "bullying-support-overdue");
    assertThat(pi).isWaitingAt("user_task_support_targeted_student").hasPassed("service_task_alert_support_overdue");
  }

  @Test
  void theConcernProcessRoutesPlainBullyingHereUnderTheSameCaseReference() {
    Map<String, Object> concern = new HashMap<>();
    concern.put("childName", "Mei Chen-Testchild");
    concern.put("childGrade", "Grade 7");
    concern.put("categories", "bullying");
    concern.put("concernAbout", "student");
    concern.put("subjectName", "Alex Wu, Grade 8");
    concern.put("immediateDanger", false);
    concern.put("concernAroseAt", Date.from(T0.toInstant().minus(Duration.ofHours(2))));
    concern.put("location", "Playground");
    concern.put("observations", "Mei was called names and pushed out of the group at break.");
    ProcessInstance safeguardingConcern = runtimeService().startProcessInstanceByKey("safeguarding-concern", concern);

    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).singleResult();
    assertThat(pi).isNotNull();
    String caseReference = runtimeService().createProcessInstanceQuery()
        .processInstanceId(safeguardingConcern.getId()).singleResult().getBusinessKey();
    assertThat(pi.getBusinessKey()).startsWith("SC-").isEqualTo(caseReference);
    assertThat(pi).hasPassed("start_event_bullying_referred")
        .variables().containsEntry("childName", "Mei Chen-Testchild").containsEntry("caseReference", caseReference)
        .containsEntry("investigationDeadline", "P10D");

    runNotifications();
    assertThat(pi).isWaitingAt("user_task_support_targeted_student");
    supportTargetedStudent(pi);
    // a referral has no bullying type yet: the investigating administrator records it
    investigate(pi, "yes", "no", json("social", "cyber"));
    assertThat(pi).isWaitingAt("user_task_decide_consequences").variables().containsEntry("cyberbullying", true);
  }

  @Test
  void staffCounselorsAndAdministratorsMayReportBullyingDirectly() throws Exception {
    String definitionId = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .singleResult().getId();
    assertThat(repositoryService().getIdentityLinksForProcessDefinition(definitionId))
        .extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("staff", "counselors", "head-of-school");
    assertThat(BullyingForms.requiredKeys("bullying-report"))
        .contains("childName", "childGrade", "studentsWhoBullied", "bullyingTypes", "concernAroseAt", "location", "observations");
  }

  @Test
  void theReportersIdentityIsKeptOnlyAsTheCaseStarterInHistoryNeverAsAVariableOrOnAForm() throws Exception {
    ProcessInstance pi = reportDirectly("verbal");
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getStartUserId()).isEqualTo("teacher.wang");
    assertThat(runtimeService().getVariables(pi.getId()).values()).doesNotContain("teacher.wang");

    for (String form : BullyingForms.ids()) {
      assertThat(BullyingForms.text(form)).as(form).doesNotContain("reporterId").doesNotContain("initiator");
    }
  }

  @Test
  void everyTaskAndTheStartEventHaveADeployedFormAndEveryDecisionARequiredReason() throws Exception {
    BullyingForms.assertModelFormsAndDecisionReasons(PROCESS);
  }

  // --- issue 16: support beside the investigation, signs of abuse, no endless monitoring ----------

  @Test
  void supportForTheTargetedStudentDoesNotHoldBackTheInvestigationOrItsTimers() {
    ProcessInstance pi = reportDirectly("verbal");
    runNotifications();

    Task investigation = taskOf(pi, "user_task_investigate");
    assertThat(investigation.getDueDate()).as("the investigation deadline runs from the report")
        .isEqualTo(plus(T0, Duration.ofDays(10)));
    assertThat(timer(pi, "boundary_timer_investigation_reminder").getDuedate()).isEqualTo(plus(T0, Duration.ofDays(8)));

    // the support is late; the investigation goes on regardless
    ClockUtil.setCurrentTime(plus(T0, Duration.ofDays(2)));
    investigate(pi, "yes", "no", json("verbal"));
    assertThat(pi).isWaitingAt("user_task_decide_consequences", "user_task_support_targeted_student");

    supportTargetedStudent(pi);
    assertThat(pi).isWaitingAt("user_task_decide_consequences").isNotWaitingAt("user_task_support_targeted_student");
  }

  @Test
  void signsOfAbuseNoticedByTheCounselorOpenAConcernAndAlertTheCpo() {
    ProcessInstance pi = reportDirectly("physical");
    runNotifications();

    complete(taskOf(pi, "user_task_support_targeted_student"), withVariables(
        "safetyMeasures", "A teacher rides the bus.", "supportOffered", "Weekly counseling.", "abuseSignsNoticed", true,
        "abuseSignsObserved", "Bruises on both upper arms; Mei says her uncle grabs her when he is angry."));

    assertThat(pi).hasPassed("throw_event_abuse_signs_concern", "end_event_abuse_signs_referred")
        .as("the procedure goes on beside the concern").isWaitingAt("user_task_investigate");
    ProcessInstance concern = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey("safeguarding-concern").processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    assertThat(concern).as("a concern under the same case reference").isNotNull();
    assertThat(concern).isWaitingAt("user_task_cpo_triage").variables()
        .containsEntry("observations", "Bruises on both upper arms; Mei says her uncle grabs her when he is angry.")
        .containsEntry("childName", "Mei Chen-Testchild").containsEntry("categories", "other")
        .containsEntry("concernAbout", "unknown").containsEntry("referredFromBullyingCase", pi.getBusinessKey());
    runNotifications();
    assertThat(notifications.all()).filteredOn(n -> n.kind().equals("new-concern")).singleElement()
        .satisfies(n -> assertThat(n.recipientGroups()).containsExactly("cpo", "dcpo"));
  }

  @Test
  void noSignsOfAbuseNoticedOpenNoConcern() {
    ProcessInstance pi = reportDirectly("verbal");
    runNotifications();
    supportTargetedStudent(pi);

    assertThat(pi).hasPassed("end_event_support_recorded").hasNotPassed("throw_event_abuse_signs_concern");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").count()).isZero();
  }

  @Test
  void afterSixMonitoringRoundsTheHeadDecidesAgainAndANewLimitStarts() {
    ProcessInstance pi = inMonitoring();
    assertThat(pi).variables().containsEntry("monitoringMaxRounds", "6").containsEntry("monitoringMaxDuration", "P6M");

    for (int round = 1; round <= 5; round++) {
      endMonitoringPeriodAndExtend(pi);
      assertThat(pi).as("round %d: monitored again", round).isWaitingAt("timer_monitoring_period");
    }
    endMonitoringPeriodAndExtend(pi);

    assertThat(pi).as("the sixth extension needs the Head").isWaitingAt("user_task_head_monitoring_decision")
        .isNotWaitingAt("timer_monitoring_period");
    Task decision = taskOf(pi, "user_task_head_monitoring_decision");
    assertThat(decision).hasCandidateGroup("head-of-school");
    assertThat(decision.getDueDate()).isEqualTo(plus(ClockUtil.getCurrentTime(), Duration.ofDays(5)));
    complete(decision, withVariables("monitoringLimitDecision", "continue",
        "monitoringLimitDecisionReason", "Comments started again after the holiday; the family asks for more time."));

    assertThat(pi).isWaitingAt("timer_monitoring_period").variables().containsEntry("monitoringRounds", 0L);
    endMonitoringPeriodAndExtend(pi);
    assertThat(pi).as("a new limit: the next extension is the review's own").isWaitingAt("timer_monitoring_period");
  }

  @Test
  void afterSixMonthsOfMonitoringTheHeadDecidesAgainAndMayCloseWithTheParentsInformed() throws Exception {
    ProcessInstance pi = atInterventions("verbal");
    complete(task(pi), interventions("interventionCounseling"));
    Date monitoringStart = ClockUtil.getCurrentTime();
    runtimeService().setVariable(pi.getId(), "monitoringPeriod", "P70D");
    completeIntervention(pi, "user_task_counseling");

    endMonitoringPeriodAndExtend(pi); // day 70
    endMonitoringPeriodAndExtend(pi); // day 140
    assertThat(pi).isWaitingAt("timer_monitoring_period");
    endMonitoringPeriodAndExtend(pi); // day 210: more than six months since monitoring began, only 3 rounds
    assertThat(ClockUtil.getCurrentTime()).isAfter(Date.from(monitoringStart.toInstant().atZone(java.time.ZoneOffset.UTC)
        .plusMonths(6).toInstant()));

    assertThat(pi).isWaitingAt("user_task_head_monitoring_decision");
    complete(taskOf(pi, "user_task_head_monitoring_decision"), withVariables("monitoringLimitDecision", "close",
        "monitoringLimitDecisionReason", "Seven months without a new incident reported by Mei; the remaining friction is ordinary.",
        "closureSummary", "Detention and counseling; monitored seven months.",
        "limitClosureParentsInformed", "no", "limitClosureParentsNotInformedReason", "Mei asked us not to raise it again at home."));
    assertThat(pi).isEnded().hasPassed("end_event_closed_at_monitoring_limit");
    assertThat(BullyingForms.requiredKeys("bullying-monitoring-limit"))
        .contains("monitoringLimitDecision", "monitoringLimitDecisionReason", "limitClosureParentsInformed");
  }

  @Test
  void closingStepsAskWhetherTheParentsAreInformedOrWhyNot() throws Exception {
    for (String form : List.of("bullying-closure", "bullying-monitoring-limit")) {
      Map<String, Object> fields = BullyingForms.fields(form);
      String prefix = form.equals("bullying-closure") ? "closure" : "limitClosure";
      assertThat(fields).as(form).containsKeys(prefix + "ParentsInformed", prefix + "ParentsNotInformedReason");
      assertThat(BullyingForms.requiredKeys(form)).contains(prefix + "ParentsInformed", prefix + "ParentsNotInformedReason");
      assertThat(((com.fasterxml.jackson.databind.JsonNode) fields.get(prefix + "ParentsNotInformedReason"))
          .path("conditional").path("hide").asText()).as("the reason is asked when they are not told")
          .contains(prefix + "ParentsInformed != \"no\"");
    }
    assertThat(BullyingForms.requiredKeys("bullying-mediation")).contains("resolutionParentsInformed");
  }

  ProcessInstance inMonitoring() {
    ProcessInstance pi = atInterventions("verbal");
    complete(task(pi), interventions("interventionCounseling"));
    completeIntervention(pi, "user_task_counseling");
    assertThat(pi).isWaitingAt("timer_monitoring_period");
    return pi;
  }

  /** Moves the clock to the end of the monitoring period, and the Head's review asks for another period. */
  void endMonitoringPeriodAndExtend(ProcessInstance pi) {
    Job monitoring = timer(pi, "timer_monitoring_period");
    ClockUtil.setCurrentTime(monitoring.getDuedate());
    managementService().executeJob(monitoring.getId());
    complete(taskOf(pi, "user_task_close_case"), withVariables("monitoringFindings", "Some comments again.",
        "monitoringOutcome", "extend", "monitoringOutcomeReason", "Not yet settled."));
  }

  // --- steps ---------------------------------------------------------------------------------

  ProcessInstance reportDirectly(String... types) {
    identityService().setAuthenticatedUserId("teacher.wang");
    Map<String, Object> report = new HashMap<>();
    report.put("childName", "Mei Chen-Testchild");
    report.put("childGrade", "Grade 7");
    report.put("studentsWhoBullied", "Alex Wu, Grade 8");
    report.put("bullyingTypes", json(types));
    report.put("powerImbalance", json("group"));
    report.put("concernAroseAt", "2026-03-02T08:10+08:00");
    report.put("location", "Bus 3");
    report.put("observations", "Mei was pushed and called names on the bus.");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS, report);
    identityService().clearAuthentication();
    assertThat(pi).hasPassed("start_event_bullying_reported", "gateway_report_received");
    return pi;
  }

  void supportTargetedStudent(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("user_task_support_targeted_student");
    complete(taskOf(pi, "user_task_support_targeted_student"), withVariables("safetyMeasures", "Sits at the front of the bus; a teacher rides along.",
        "supportOffered", "Weekly counseling with Ms Li.", "abuseSignsNoticed", false));
  }

  Map<String, Object> investigationResult(String confirmed, String abuse, TypedValue types) {
    Map<String, Object> result = new HashMap<>();
    result.put("studentsWhoBullied", "Alex Wu, Grade 8");
    result.put("location", "Bus 3");
    result.put("bullyingTypes", types);
    result.put("interviews", "Mei, Alex, the bus monitor; 3 March.");
    result.put("evidence", "Bus monitor's notes; in the case file.");
    if (String.valueOf(types.getValue()).contains("cyber")) { // the form asks for it only then
      result.put("onlineEvidence", "Screenshots of the class chat, 1-2 March.");
    }
    result.put("abuseIndicators", abuse);
    result.put("abuseIndicatorsReason", "Reason for abuseIndicators");
    result.put("bullyingConfirmed", confirmed);
    result.put("bullyingConfirmedReason", "Reason for bullyingConfirmed");
    if (confirmed.equals("yes")) {
      result.put("powerImbalance", json("group", "physical"));
    }
    return result;
  }

  void investigate(ProcessInstance pi, String confirmed, String abuse, TypedValue types) {
    assertThat(pi).isWaitingAt("user_task_investigate");
    complete(taskOf(pi, "user_task_investigate"), investigationResult(confirmed, abuse, types));
  }

  Task taskOf(ProcessInstance pi, String taskKey) {
    Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  ProcessInstance confirmedBullying(String... types) {
    ProcessInstance pi = reportDirectly(types);
    runNotifications();
    supportTargetedStudent(pi);
    investigate(pi, "yes", "no", json(types));
    assertThat(pi).isWaitingAt("user_task_decide_consequences");
    return pi;
  }

  Map<String, Object> consequence(String level) {
    Map<String, Object> decision = new HashMap<>();
    decision.put("severity", "moderate");
    decision.put("severityReason", "Repeated over two weeks.");
    decision.put("consequenceLevel", level);
    decision.put("consequenceLevelReason", "Handbook section 4.2.");
    switch (level) {
      case "warning" -> decision.put("warningGivenBy", "Mr Tan, 6 March");
      case "detention" -> decision.put("detentionDates", "10 and 11 March");
      case "suspension" -> {
        decision.put("suspensionFrom", "2026-03-09");
        decision.put("suspensionDays", 3L);
        decision.put("suspensionReturnPlan", "Re-entry meeting with the counselor on 12 March.");
      }
      default -> decision.put("expulsionGrounds", "Third serious incident this year.");
    }
    return decision;
  }

  ProcessInstance atInterventions(String... types) {
    ProcessInstance pi = confirmedBullying(types);
    complete(task(pi), consequence("detention"));
    if (List.of(types).contains("cyber")) {
      complete(task(pi), withVariables("aupConsequences", json("internet-suspension", "device-confiscation"),
          "aupConsequencesReason", "Both fit the harassment online.", "internetSuspendedFrom", "2026-03-09", "internetSuspensionDays", 5L,
          "devicesConfiscated", "Phone", "deviceReturnArrangement", "To the father", "aupSectionsBreached", "Harassment"));
    }
    assertThat(pi).isWaitingAt("user_task_involve_parents");
    complete(task(pi), withVariables(
        "targetedParentsInformedAt", "2026-03-06T15:00+08:00", "targetedParentsInformedBy", "Ms Li, meeting",
        "targetedParentsResponse", "Relieved; will tell us of any new messages.",
        "bullyingStudentParentsInformedAt", "2026-03-06T16:00+08:00", "bullyingStudentParentsInformedBy", "Mr Tan, meeting",
        "bullyingStudentParentsResponse", "Supportive of the behaviour plan."));
    assertThat(pi).isWaitingAt("user_task_choose_interventions");
    return pi;
  }

  static Map<String, Object> interventions(String... chosen) {
    Map<String, Object> choice = new HashMap<>();
    for (String key : List.of("interventionBehaviourPlan", "interventionFamilyConference",
        "interventionCounseling", "interventionOutsideReferral")) {
      choice.put(key, List.of(chosen).contains(key));
    }
    choice.put("interventionsReason", "Reason for the interventions");
    return choice;
  }

  void writeBehaviourPlan(ProcessInstance pi, String interval, String length) {
    Task plan = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_write_behaviour_plan").singleResult();
    assertThat(taskService().getVariable(plan.getId(), "checkInInterval")).as("school default prefilled").isEqualTo("P7D");
    assertThat(taskService().getVariable(plan.getId(), "behaviourPlanLength")).as("school default prefilled").isEqualTo("P42D");
    complete(plan, withVariables("planTriggers", "Unstructured time on the bus.",
        "planCopingSkills", "Walk away, talk to the duty teacher.", "planGoals", "No comments about Mei; sits with his own group.",
        "planCheckInBy", "Ms Li", "checkInInterval", interval, "behaviourPlanLength", length));
  }

  void checkIn(ProcessInstance pi, String outcome) {
    Task checkIn = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_behaviour_check_in").singleResult();
    assertThat(checkIn).hasCandidateGroup("counselors");
    complete(checkIn, withVariables("checkInProgress", "on-track", "checkInNotes", "Good week.",
        "checkInOutcome", outcome, "checkInOutcomeReason", "Reason for checkInOutcome"));
  }

  /** Moves the clock to the end of the behaviour plan and lets its timer stop the check-ins. */
  void runUntilPlanEnds(ProcessInstance pi) {
    Job planEnds = timer(pi, "boundary_timer_behaviour_plan_ends");
    ClockUtil.setCurrentTime(planEnds.getDuedate());
    managementService().executeJob(planEnds.getId());
    assertThat(pi).isWaitingAt("user_task_review_behaviour_plan");
  }

  void completeIntervention(ProcessInstance pi, String taskKey) {
    Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    Map<String, Object> record = switch (taskKey) {
      case "user_task_family_conference" -> withVariables("conferenceHeldAt", "2026-03-10T16:00+08:00",
          "conferenceAttendees", "Both parents, Alex, Ms Li, Mr Tan", "conferenceDiscussion", "The incident and its impact.",
          "conferenceSharedPlan", "Screen time rules at home; weekly email from Ms Li.");
      case "user_task_counseling" -> withVariables("counselingFormat", "individual", "counselingFocus", json("empathy", "social-skills"),
          "counselingCounselor", "Ms Li", "counselingPlan", "Weekly for 6 weeks from 12 March.");
      case "user_task_outside_referral" -> withVariables("referralTypes", json("mental-health-professional"),
          "referralOrganisation", "Jinkai Family Centre", "referralFamilyAgreed", "yes", "referralNotes", "First appointment 20 March.");
      case "user_task_review_behaviour_plan" -> withVariables("planOutcome", "met", "planReviewSummary", "Goals met; counseling continues.");
      default -> throw new IllegalArgumentException(taskKey);
    };
    complete(task, record);
  }

  // --- engine helpers --------------------------------------------------------------------------

  /** Runs the asynchronous notification steps that are waiting (the job executor is off in tests). */
  void runNotifications() {
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().messages().executable().list()).isEmpty()) {
      jobs.forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  Job timer(ProcessInstance pi, String activityId) {
    Job job = managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    return job;
  }

  List<Job> dueTimers(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().list();
  }

  List<String> activeTaskKeys(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  static TypedValue json(String... values) {
    return SpinValues.jsonValue(values.length == 0 ? "[]"
        : "[\"" + String.join("\",\"", values) + "\"]").create();
  }

  static Date plus(Date date, Duration duration) {
    return Date.from(date.toInstant().plus(duration));
  }
}
