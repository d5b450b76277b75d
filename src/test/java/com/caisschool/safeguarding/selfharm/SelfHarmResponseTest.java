package com.caisschool.safeguarding.selfharm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The self-harm and suicidal ideation response (flows.md section 3) on the plain engine, with the
 * real model, forms and application.yaml defaults. The concern process is deployed too, because a
 * concern starts this response and this response can open a concern.
 */
@Deployment(resources = {
    "processes/self-harm-response.bpmn",
    "forms/self-harm-report.form",
    "forms/self-harm-risk-assessment.form",
    "forms/self-harm-cpo-check.form",
    "forms/self-harm-safety-plan.form",
    "forms/self-harm-inform-parents.form",
    "forms/self-harm-call-guardian.form",
    "forms/self-harm-emergency-services.form",
    "forms/self-harm-safe-care.form",
    "forms/self-harm-record-in-concern.form",
    "forms/self-harm-release.form",
    "forms/self-harm-re-entry.form",
    "forms/self-harm-check-in.form",
    "processes/safeguarding-concern.bpmn",
    "processes/concern-triage.dmn",
    "forms/report-safeguarding-concern.form",
    "forms/immediate-action.form",
    "forms/concern-triage.form",
    "forms/authority-report.form",
    "forms/case-study-team-decision.form",
    "forms/further-discovery.form",
    "forms/contact-authorities.form",
    "forms/monitoring-review.form",
    "forms/no-action-sign-off.form",
    "forms/close-case.form",
    "forms/case-review.form"})
class SelfHarmResponseTest {

  private static final String PROCESS = "self-harm-response";
  private static final String CONCERN = "safeguarding-concern";
  /** The tasks in which someone contacts a parent or guardian. */
  private static final List<String> PARENT_CONTACT_TASKS = List.of(
      "user_task_inform_parents", "user_task_call_guardian", "user_task_tell_parents_after_emergency");

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG)
      .excludeProcessDefinitionKeys(CONCERN)
      .assertClassCoverageAtLeast(0.9)
      .build();

  private RecordedNotifications notifications;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-06T07:30:00Z"))); // Friday 15:30 in Shanghai
    notifications = ProcessTestDelegates.register(engine);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // --- 1. Counselor and CPO at once; the on-campus hold -----------------------------------------

  @Test
  void counselorAndCpoHaveTasksAsSoonAsTheReportIsSubmittedWithNoJobInBetween() {
    ProcessInstance pi = reportDirectly();

    // Nothing has been executed by a job: the tasks were created in the transaction of the report.
    assertThat(pi).isWaitingAt("user_task_risk_assessment", "user_task_cpo_check", "service_task_alert_self_harm");
    assertThat(task("user_task_risk_assessment", pi)).hasCandidateGroup("counselors");
    assertThat(task("user_task_cpo_check", pi)).hasCandidateGroup("cpo");
    assertThat(task("user_task_cpo_check", pi)).hasCandidateGroup("dcpo");
    assertThat(notifications.all()).isEmpty();
    assertThat(pi.getBusinessKey()).startsWith("SC-2026-");

    execute(job("service_task_alert_self_harm", pi));
    Notification alert = notifications.all().get(0);
    assertThat(alert.kind()).isEqualTo("self-harm-reported");
    assertThat(alert.recipientGroups()).containsExactly("counselors", "cpo", "dcpo");
    assertThat(alert.caseReference()).isEqualTo(pi.getBusinessKey());
  }

  @Test
  void aDirectReportWithoutWhatWasObservedIsRefusedAndNothingStarts() {
    Map<String, Object> report = directReport();
    report.remove("observations");

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS, report))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("observations");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
  }

  @Test
  void studentMustStayOnCampusUntilTheAssessmentIsRecorded() {
    ProcessInstance pi = reportDirectly();
    assertThat(pi).variables().containsEntry("mustStayOnCampus", true);
    assertThat(task("user_task_risk_assessment", pi).getName())
        .contains("student must stay on campus under supervision until assessed");

    complete(task("user_task_cpo_check", pi), cpoCheck());
    assertThat(pi).variables().containsEntry("mustStayOnCampus", true);

    complete(task("user_task_risk_assessment", pi), assessment("low", false));
    assertThat(pi).variables().containsEntry("mustStayOnCampus", false);
    assertThat(pi).isWaitingAt("user_task_safety_plan");
  }

  @Test
  void assessmentNotRecordedWithinAnHourEscalatesToCpoAndHead() {
    ProcessInstance pi = reportDirectly();
    execute(job("service_task_alert_self_harm", pi));
    Date reportedAt = ClockUtil.getCurrentTime();
    assertThat(task("user_task_risk_assessment", pi).getDueDate()).isEqualTo(after(Duration.ofHours(1)));

    ClockUtil.setCurrentTime(new Date(reportedAt.getTime() + Duration.ofMinutes(59).toMillis()));
    assertThat(dueTimers()).isEmpty();

    ClockUtil.setCurrentTime(new Date(reportedAt.getTime() + Duration.ofMinutes(61).toMillis()));
    execute(job("boundary_timer_assessment_deadline", pi));
    assertThat(pi).isWaitingAt("service_task_alert_assessment_overdue");
    execute(job("service_task_alert_assessment_overdue", pi));

    assertThat(notifications.kinds()).containsExactly("self-harm-reported", "self-harm-assessment-overdue");
    // Counselors hold the assessment: the escalation table tells the CPO and the deputy.
    assertThat(notifications.all().get(1).recipientGroups()).containsExactly("cpo", "dcpo");
    Task escalated = task("user_task_risk_assessment_escalated", pi);
    assertThat(escalated).hasCandidateGroup("cpo");
    assertThat(escalated).hasCandidateGroup("head-of-school");
    assertThat(escalated.getName()).contains("student still on campus under supervision");
    assertThat(pi).variables().containsEntry("mustStayOnCampus", true);

    complete(escalated, assessment("low", false));
    assertThat(pi).variables().containsEntry("mustStayOnCampus", false);
    assertThat(pi).isWaitingAt("user_task_safety_plan");
  }

  // --- 2. Risk levels -------------------------------------------------------------------------

  @Test
  void lowRiskMeansASafetyPlanAndParentsInformedThenCheckIns() {
    ProcessInstance pi = assessedDirectly("low", false);

    complete(task("user_task_safety_plan", pi), withVariables(
        "safetyPlan", "Tells Ms Li when the urge comes; no blades at home", "safetyPlanAgreedWith", "Student, Ms Li"));
    complete(task("user_task_inform_parents", pi), informParents());

    assertThat(pi).isWaitingAt("timer_check_in_due");
    assertThat(pi).hasPassed("user_task_safety_plan", "user_task_inform_parents")
        .hasNotPassed("user_task_release", "user_task_emergency_services", "user_task_re_entry_meeting");
  }

  @ParameterizedTest
  @ValueSource(strings = {"moderate", "high"})
  void moderateOrHighRiskMeansAGuardianMustCollectUnderLineOfSightSupervision(String level) {
    ProcessInstance pi = assessedDirectly(level, false);
    Task call = task("user_task_call_guardian", pi);
    assertThat(call.getName()).contains("line-of-sight supervision");

    complete(call, callGuardian("yes"));
    complete(task("user_task_release", pi), release());
    complete(task("user_task_re_entry_meeting", pi), reEntry());

    assertThat(pi).isWaitingAt("timer_check_in_due");
    assertThat(pi).hasNotPassed("user_task_emergency_services");
  }

  @Test
  void imminentRiskMeansEmergencyServicesNowThenParentsAreTold() {
    ProcessInstance pi = assessedDirectly("imminent", false);

    assertThat(pi).isWaitingAt("user_task_emergency_services");
    complete(task("user_task_emergency_services", pi), emergency());
    complete(task("user_task_tell_parents_after_emergency", pi), informParents());
    complete(task("user_task_re_entry_meeting", pi), reEntry());

    assertThat(pi).isWaitingAt("timer_check_in_due");
    assertThat(pi).hasNotPassed("user_task_call_guardian", "user_task_release");
  }

  @Test
  void guardianUnreachableMeansEmergencyServices() {
    ProcessInstance pi = assessedDirectly("high", false);

    complete(task("user_task_call_guardian", pi), callGuardian("no"));

    assertThat(pi).isWaitingAt("user_task_emergency_services");
    complete(task("user_task_emergency_services", pi), emergency());
    assertThat(pi).isWaitingAt("user_task_tell_parents_after_emergency");
  }

  // --- 3. Suspected abuse by a parent ---------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"low", "moderate", "high", "imminent"})
  void suspectedAbuseByAParentOpensAConcernAndNeverCreatesATaskToContactThatParent(String level) {
    ProcessInstance pi = assessedDirectly(level, true);

    ProcessInstance concern = runtimeService().createProcessInstanceQuery().processDefinitionKey(CONCERN).singleResult();
    assertThat(concern).isNotNull();
    assertThat(runtimeService().getVariables(concern.getId())).containsEntry("concernAbout", "family-member")
        .containsEntry("categories", "physical-abuse")
        .containsEntry("subjectName", "Father, Wang Lei")
        .containsEntry("immediateDanger", true)
        .containsEntry("parentCaseProcessInstanceId", pi.getId())
        .containsEntry("referredFromCase", pi.getBusinessKey());
    assertThat(concern).isWaitingAt("user_task_immediate_action");

    if (level.equals("imminent")) {
      complete(task("user_task_emergency_services", pi), emergency());
    } else {
      complete(task("user_task_safe_care", pi), safeCare());
      complete(task("user_task_release", pi), release());
    }
    complete(task("user_task_re_entry_meeting", pi), reEntry());
    assertThat(pi).isWaitingAt("timer_check_in_due");

    assertThat(activitiesPassed(pi)).doesNotContainAnyElementsOf(PARENT_CONTACT_TASKS);
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).list())
        .extracting(Task::getTaskDefinitionKey).doesNotContainAnyElementsOf(PARENT_CONTACT_TASKS);
  }

  @Test
  void suspectedAbuseByAParentInACaseStartedByAConcernIsRecordedForTheCpoWithoutASecondConcern() {
    ProcessInstance pi = reportedInConcern("SC-2026-ABCDEF", "concern-instance-id");
    complete(task("user_task_cpo_check", pi), cpoCheck());
    complete(task("user_task_risk_assessment", pi), assessment("moderate", true));

    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(CONCERN).count()).isZero();
    // The student's safety does not wait for the CPO's note in the concern.
    assertThat(pi).isWaitingAt("user_task_safe_care", "service_task_alert_parent_abuse");
    execute(job("service_task_alert_parent_abuse", pi));
    assertThat(notifications.kinds()).contains("self-harm-parent-abuse-suspected");
    Task record = task("user_task_record_in_concern", pi);
    assertThat(record).hasCandidateGroup("cpo");
    complete(record, withVariables("concernUpdate", "Added to triage; PSB informed, ref 2026-0306-17"));

    complete(task("user_task_safe_care", pi), safeCare());
    complete(task("user_task_release", pi), release());
    complete(task("user_task_re_entry_meeting", pi), reEntry());
    assertThat(activitiesPassed(pi)).doesNotContainAnyElementsOf(PARENT_CONTACT_TASKS);
  }

  // --- 4. Release, re-entry, check-ins ----------------------------------------------------------

  @Test
  void releaseRequiresWhoCollectedTheStudentAndWhen() {
    ProcessInstance pi = assessedDirectly("moderate", false);
    complete(task("user_task_call_guardian", pi), callGuardian("yes"));
    Task releaseTask = task("user_task_release", pi);

    Map<String, Object> withoutWho = release();
    withoutWho.remove("collectedByName");
    assertThatThrownBy(() -> taskService().complete(releaseTask.getId(), withoutWho))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("'Who collected the student' (collectedByName)");
    Map<String, Object> withoutWhen = release();
    withoutWhen.remove("collectedAt");
    assertThatThrownBy(() -> taskService().complete(releaseTask.getId(), withoutWhen))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("collectedAt");
    Map<String, Object> toAStranger = release();
    toAStranger.put("collectedByRelationship", "friend-of-the-family");
    assertThatThrownBy(() -> taskService().complete(releaseTask.getId(), toAStranger))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("collectedByRelationship");
    assertThat(pi).isWaitingAt("user_task_release");

    complete(releaseTask, release());
    assertThat(pi).isWaitingAt("user_task_re_entry_meeting");
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("collectedByName").singleResult().getValue()).isEqualTo("Chen Hua");
  }

  @Test
  void checkInsRunFourTimesAWeekApartAndThenStop() {
    ProcessInstance pi = assessedDirectly("moderate", false);
    execute(job("service_task_alert_self_harm", pi));
    complete(task("user_task_call_guardian", pi), callGuardian("yes"));
    complete(task("user_task_release", pi), release());
    complete(task("user_task_re_entry_meeting", pi), reEntry());

    for (int checkIn = 1; checkIn <= 4; checkIn++) {
      assertThat(pi).isWaitingAt("timer_check_in_due");
      Date due = job("timer_check_in_due", pi).getDuedate();
      assertThat(due).isEqualTo(after(Duration.ofDays(7)));
      ClockUtil.setCurrentTime(due);
      execute(job("timer_check_in_due", pi));
      complete(task("user_task_check_in", pi), withVariables(
          "checkInNotes", "Check-in " + checkIn + ": sleeping better", "safetyPlanWorking", "yes",
          "safetyPlanChanges", "none"));
    }

    assertThat(pi).isEnded();
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("user_task_check_in").count()).isEqualTo(4);
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  // --- 5. Started by the concern process ------------------------------------------------------

  @Test
  void aConcernWithSelfHarmStartsThisResponseAndItsCounselorTaskAtOnce() {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", "Mei Chen-Testchild");
    report.put("childGrade", "Grade 9");
    report.put("categories", "self-harm");
    report.put("concernAbout", "unknown");
    report.put("concernAroseAt", Date.from(Instant.parse("2026-03-06T07:00:00Z")));
    report.put("location", "Library");
    report.put("observations", "Fresh cuts on the left forearm");
    report.put("immediateDanger", false);

    ProcessInstance concern = runtimeService().startProcessInstanceByKey(CONCERN, report);

    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).singleResult();
    assertThat(pi).isNotNull();
    assertThat(pi.getBusinessKey()).isEqualTo(concern.getBusinessKey());
    assertThat(pi).isWaitingAt("user_task_risk_assessment", "user_task_cpo_check", "service_task_alert_self_harm");
    assertThat(task("user_task_risk_assessment", pi)).hasCandidateGroup("counselors");
    assertThat(pi).variables().containsEntry("mustStayOnCampus", true)
        .containsEntry("parentCaseProcessInstanceId", concern.getId());
    assertThat(notifications.all()).isEmpty();
  }

  // --- helpers ----------------------------------------------------------------------------------

  private ProcessInstance reportDirectly() {
    return runtimeService().startProcessInstanceByKey(PROCESS, directReport());
  }

  private static Map<String, Object> directReport() {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", "Mei Chen-Testchild");
    report.put("childGrade", "Grade 9");
    report.put("disclosure", "I don't want to be here any more");
    report.put("observations", "Fresh cuts on the left forearm, seen in PE");
    report.put("supervisingAdult", "Ms Li, counseling office");
    return report;
  }

  private ProcessInstance reportedInConcern(String caseReference, String concernInstanceId) {
    return runtimeService().createMessageCorrelation("SelfHarmReported")
        .processInstanceBusinessKey(caseReference)
        .setVariables(directReport())
        .setVariable("caseReference", caseReference)
        .setVariable("parentCaseProcessInstanceId", concernInstanceId)
        .correlateStartMessage();
  }

  /** A direct report whose CPO check and risk assessment are recorded. */
  private ProcessInstance assessedDirectly(String level, boolean parentAbuse) {
    ProcessInstance pi = reportDirectly();
    complete(task("user_task_cpo_check", pi), cpoCheck());
    complete(task("user_task_risk_assessment", pi), assessment(level, parentAbuse));
    return pi;
  }

  private static Map<String, Object> cpoCheck() {
    return vars("supervisionConfirmed", "Ms Li, counseling office", "fileFindings", "nothing on file");
  }

  private static Map<String, Object> assessment(String level, boolean parentAbuse) {
    Map<String, Object> v = vars("riskLevel", level, "riskAssessmentSummary", "Assessed with the school's screening tool",
        "parentAbuseSuspected", parentAbuse ? "yes" : "no",
        "parentAbuseReason", parentAbuse ? "Bruises on the back; says her father hits her when he drinks" : "Nothing points to it");
    if (parentAbuse) {
      v.put("suspectedParent", "Father, Wang Lei");
      v.put("suspectedAbuseCategory", "physical-abuse");
    }
    return v;
  }

  private static Map<String, Object> informParents() {
    return vars("parentInformedName", "Chen Hua, mother", "parentInformedAt", "2026-03-06T16:10+08:00",
        "parentInformedHow", "phone", "parentInformedWhat", "Where the student is and the safety plan");
  }

  private static Map<String, Object> callGuardian(String reached) {
    return vars("lineOfSightAdult", "Ms Li", "guardianCallAttempts", "Mother 15:45, father 15:50",
        "guardianReached", reached);
  }

  private static Map<String, Object> emergency() {
    return vars("emergencyAgency", "emergency-medical", "emergencyContactPerson", "Dispatcher Zhang",
        "emergencyContactedAt", "2026-03-06T15:50+08:00", "emergencyReference", "120-5566",
        "studentTakenTo", "Children's Hospital, with Ms Li");
  }

  private static Map<String, Object> safeCare() {
    return vars("safeCareAgency", "public-security-bureau", "safeCareContactPerson", "Officer Liu",
        "safeCareContactedAt", "2026-03-06T15:55+08:00", "safeCareReference", "PSB-2026-88",
        "safeCarePlan", "Aunt Chen Hua collects; student stays with her");
  }

  private static Map<String, Object> release() {
    return vars("collectedByName", "Chen Hua", "collectedByRelationship", "parent-or-guardian",
        "identityCheck", "ID card", "collectedAt", "2026-03-06T16:30+08:00");
  }

  private static Map<String, Object> reEntry() {
    return vars("reEntryMeetingAt", "2026-03-09T08:00+08:00", "reEntryAttendees", "Student, mother, Ms Li",
        "returnPlan", "Half days this week; safe person Ms Li", "returnAt", "2026-03-09T09:00+08:00");
  }

  private static Map<String, Object> vars(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Date after(Duration duration) {
    return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
  }

  private static List<Job> dueTimers() {
    return managementService().createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).list();
  }

  private static List<String> activitiesPassed(ProcessInstance pi) {
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }
}
