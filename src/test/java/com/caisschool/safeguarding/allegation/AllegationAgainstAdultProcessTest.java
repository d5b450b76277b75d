package com.caisschool.safeguarding.allegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
 * The CIS safeguarding flow for an allegation against an adult ({@code allegation-against-adult}),
 * path by path, on the plain engine with the school's real default deadlines from application.yaml.
 */
@Deployment(resources = {
    "processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
    "forms/report-safeguarding-concern.form", "forms/immediate-action.form", "forms/concern-triage.form",
    "forms/authority-report.form", "forms/case-study-team-decision.form", "forms/further-discovery.form",
    "forms/contact-authorities.form", "forms/monitoring-review.form", "forms/no-action-sign-off.form",
    "forms/close-case.form", "forms/case-review.form",
    "processes/allegation-against-adult.bpmn",
    "forms/record-allegation-against-adult.form",
    "forms/allegation-threshold-test.form",
    "forms/allegation-cpo-authorities-review.form",
    "forms/allegation-low-level-concern.form",
    "forms/allegation-safeguard-children.form",
    "forms/allegation-authority-report.form",
    "forms/allegation-suspension-decision.form",
    "forms/allegation-inform-accused-of-leave.form",
    "forms/allegation-changed-duties.form",
    "forms/allegation-appoint-investigator.form",
    "forms/allegation-appoint-independent-investigator.form",
    "forms/allegation-investigation-report.form",
    "forms/allegation-outcome.form",
    "forms/allegation-feedback-to-accused.form",
    "forms/allegation-disciplinary-action.form",
    "forms/allegation-false-or-malicious.form",
    "forms/allegation-follow-up.form",
    "forms/allegation-refer-to-regulators.form"})
class AllegationAgainstAdultProcessTest {

  static final String KEY = "allegation-against-adult";
  static final String MESSAGE = "AllegationAgainstAdultReported";
  static final String HEAD = "head-of-school";
  static final String BOARD = "board-chair";
  static final String OWNER_USER = "case.owner";
  static final String CPO_USER = "cpo.user";
  static final Instant START = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in the school's time zone

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG)
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys("safeguarding-concern")
      .build();

  RecordedNotifications notifications;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void tearDown() {
    identityService().clearAuthentication();
    Mocks.reset();
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------- who handles the case

  @Test
  void allegationAboutStaffGoesToTheHeadOfSchoolAndTheCpoIsAlerted() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse");

    assertThat(pi).isWaitingAt("user_task_threshold_test");
    assertThat(pi).hasBusinessKey("SC-2026-TEST01");
    assertThat(pi).variables().containsEntry("caseOwnerGroup", HEAD).containsEntry("caseReference", "SC-2026-TEST01");
    assertThat(task("user_task_threshold_test", pi)).hasCandidateGroup(HEAD);
    assertThat(candidateGroups(task("user_task_threshold_test", pi))).containsExactly(HEAD);
    Notification alert = notifications.all().get(0);
    assertThat(alert.kind()).isEqualTo("new-allegation");
    assertThat(alert.recipientGroups()).containsExactly(HEAD, "cpo", "dcpo");
    assertThat(alert.caseReference()).isEqualTo("SC-2026-TEST01");
  }

  @Test
  void allegationAboutTheHeadGoesToTheBoardChairAndTheHeadNeverGetsATaskALinkOrAnEmail() {
    ProcessInstance pi = referred(HEAD, "sexual-abuse");
    assertThat(pi).variables().containsEntry("caseOwnerGroup", BOARD);
    assertThat(candidateGroups(task("user_task_threshold_test", pi))).containsExactly(BOARD);
    assertHeadHasNoPartIn(pi);

    completeThreshold(pi, true, true, true, true, true);
    assertThat(pi).isWaitingAt("user_task_safeguard_children", "user_task_report_to_authorities");
    assertThat(candidateGroups(task("user_task_safeguard_children", pi))).containsExactlyInAnyOrder(BOARD, "cpo", "dcpo");
    assertThat(candidateGroups(task("user_task_report_to_authorities", pi))).containsExactlyInAnyOrder(BOARD, "cpo", "dcpo");
    assertHeadHasNoPartIn(pi);
    completeSafeguarding(pi);
    completeAuthorityReport(pi);
    assertHeadHasNoPartIn(pi);

    completeSuspension(pi, "administrative-leave");
    assertHeadHasNoPartIn(pi);
    complete(task("user_task_inform_accused_of_leave", pi), withVariables("accusedInformedAt", "2026-03-03T10:00+08:00",
        "accusedInformedBy", "Board Chair", "accusedLetterSummary", "Neutral act; named contact; welfare support."));
    assertThatThrownBy(() -> complete(task("user_task_appoint_independent_investigator", pi),
        withVariables("independentInvestigator", ""))).hasMessageContaining("'Independent investigator'");
    assertHeadHasNoPartIn(pi);
    appointIndependentInvestigator(pi);

    advance(Duration.ofDays(14)); // 10 working days: reminder, then overdue: to the Board Chair, never to the Head
    assertThat(notifications.kinds()).contains("investigation-report-due", "investigation-report-overdue");
    assertHeadHasNoPartIn(pi);
    completeInvestigationReport(pi);
    completeOutcome(pi, "substantiated");
    advance(Duration.ofDays(7)); // 5 working days
    assertThat(notifications.kinds()).contains("accused-feedback-overdue");
    completeFeedback(pi);
    complete(task("user_task_disciplinary_action", pi), withVariables("disciplinaryAction", "dismissal", "disciplinaryReason", "Substantiated."));
    advance(Duration.ofDays(9)); // 30 days open: the warning goes to the Board Chair and the CPO
    assertThat(notifications.all()).filteredOn(n -> n.kind().equals("allegation-open-warning"))
        .singleElement().extracting(Notification::recipientGroups).isEqualTo(List.of(BOARD, "cpo"));
    completeFollowUp(pi, "yes");
    complete(task("user_task_refer_to_regulators", pi), withVariables("regulatorBody", "Licensing authority",
        "regulatorReferredAt", "2026-04-02T10:00+08:00", "regulatorReference", "LIC-1"));

    assertThat(pi).isEnded().hasPassed("end_event_allegation_concluded");
    assertHeadHasNoPartIn(pi);
  }

  @Test
  void lowLevelConcernAboutTheHeadIsRecordedByTheBoardChairAndTheCpoNotByHr() {
    ProcessInstance pi = referred(HEAD, "emotional-abuse");
    completeThreshold(pi, false, false, false, false, false);

    assertThat(pi).isWaitingAt("user_task_record_low_level_concern");
    assertThat(candidateGroups(task("user_task_record_low_level_concern", pi)))
        .containsExactlyInAnyOrder(BOARD, "cpo", "dcpo");
    completeLowLevelConcern(pi);
    assertThat(pi).isEnded().hasPassed("service_task_inform_cpo_low_level_concern");
    assertHeadHasNoPartIn(pi);
  }

  @Test
  void headCanRecordAnAllegationDirectlyWithTheStartFormAndTheCaseGetsAReference() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, directReport("staff-or-volunteer", false));
    runAsyncJobs(pi);

    String reference = runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
    assertThat(reference).matches("SC-\\d{4}-[A-Z2-9]{6}");
    assertThat(pi).hasPassed("start_event_allegation_recorded").isWaitingAt("user_task_threshold_test");
    assertThat(pi).variables().containsEntry("caseReference", reference).containsEntry("caseOwnerGroup", HEAD);
    assertThat(notifications.all()).singleElement().extracting(Notification::caseReference).isEqualTo(reference);
  }

  @Test
  void directlyRecordedAllegationAboutTheHeadGoesToTheBoardChairAndKeepsItsBusinessKey() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "AL-2026-BOARD1", directReport(HEAD, false));
    runAsyncJobs(pi);

    assertThat(pi).hasBusinessKey("AL-2026-BOARD1").isWaitingAt("user_task_threshold_test");
    assertThat(pi).variables().containsEntry("caseReference", "AL-2026-BOARD1");
    assertHeadHasNoPartIn(pi);
  }

  // ---------------------------------------------------------------- threshold, safeguarding, authorities

  @Test
  void thresholdNotMetIsRecordedAsALowLevelConcernByHrAndTheCpoAndClosed() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse");
    completeThreshold(pi, false, false, false, false, false);

    assertThat(pi).isWaitingAt("user_task_record_low_level_concern");
    assertThat(candidateGroups(task("user_task_record_low_level_concern", pi))).containsExactlyInAnyOrder("hr", "cpo", "dcpo");
    completeLowLevelConcern(pi);
    assertThat(pi).isEnded().hasPassed("service_task_inform_cpo_low_level_concern", "end_event_allegation_closed")
        .hasNotPassed("user_task_safeguard_children", "user_task_suspension_decision");
  }

  @Test
  void possibleCrimeIsReportedToTheAuthoritiesAlongsideSafeguardingAndBeforeTheSuspensionDecision() {
    ProcessInstance pi = referred("staff-or-volunteer", "physical-abuse");
    completeThreshold(pi, true, true, false, false, false);

    assertThat(pi).isWaitingAt("user_task_safeguard_children", "user_task_report_to_authorities");
    assertThat(task("user_task_report_to_authorities", pi)).hasCandidateGroup(HEAD).hasCandidateGroup("cpo");
    assertThat(task("user_task_report_to_authorities", pi).getPriority()).isEqualTo(100);
    completeSafeguarding(pi);
    assertThat(pi).isNotWaitingAt("user_task_suspension_decision");
    completeAuthorityReport(pi);
    assertThat(pi).isWaitingAt("user_task_suspension_decision");
    assertThat(pi).variables().containsEntry("authorityReportReference", "PSB-2026-001");
  }

  @Test
  void withoutAPossibleCrimeThereIsNoAuthorityReportButTheChildIsStillSafeguarded() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse");
    completeThreshold(pi, false, false, true, false, false);

    assertThat(pi).isWaitingAt("user_task_safeguard_children").isNotWaitingAt("user_task_report_to_authorities");
    completeSafeguarding(pi);
    assertThat(pi).isWaitingAt("user_task_suspension_decision").hasNotPassed("user_task_report_to_authorities");
  }

  // ---------------------------------------------------------------- the child's protection: the CPO signs off (issue 17)

  @Test
  void theDecisionNotToTellTheAuthoritiesNeedsTheCpoAndNeverTheSamePerson() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse");
    decideThreshold(pi, false, false, true, false, false);

    assertThat(pi).isWaitingAt("user_task_cpo_authorities_review")
        .isNotWaitingAt("user_task_safeguard_children", "user_task_report_to_authorities");
    Task signOff = task("user_task_cpo_authorities_review", pi);
    assertThat(candidateGroups(signOff)).containsExactlyInAnyOrder("cpo", "dcpo");
    assertThat(signOff.getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofHours(2))));
    // the person who made the threshold decision (a case owner who is also in the CPO group) cannot sign it off
    assertThatThrownBy(() -> cpoDecides(pi, OWNER_USER, "agree")).hasMessageContaining("second person");
    assertThat(pi).isWaitingAt("user_task_cpo_authorities_review");

    cpoDecides(pi, CPO_USER, "agree");
    assertThat(pi).isWaitingAt("user_task_safeguard_children").isNotWaitingAt("user_task_report_to_authorities")
        .variables().containsEntry("cpoAuthoritiesDecision", "agree").containsEntry("authoritiesToBeTold", false)
        .containsKey("cpoAuthoritiesDecisionReason");
    completeSafeguarding(pi);
    assertThat(pi).isWaitingAt("user_task_suspension_decision").hasNotPassed("user_task_report_to_authorities");
  }

  @Test
  void theCpoMayDecideTheAuthoritiesAreToldEvenWhenTheCaseOwnerFoundNoCriterion() {
    ProcessInstance pi = referred("staff-or-volunteer", "physical-abuse");
    decideThreshold(pi, false, false, false, false, false);
    assertThat(pi).isNotWaitingAt("user_task_record_low_level_concern");

    cpoDecides(pi, CPO_USER, "report");

    assertThat(pi).isWaitingAt("user_task_safeguard_children", "user_task_report_to_authorities")
        .hasNotPassed("user_task_record_low_level_concern");
    assertThat(task("user_task_report_to_authorities", pi)).hasCandidateGroup("cpo");
  }

  @Test
  void aPossibleCrimeGoesToTheAuthoritiesWithoutWaitingForASignOff() {
    ProcessInstance pi = referred("staff-or-volunteer", "physical-abuse");
    decideThreshold(pi, false, true, false, false, false);

    assertThat(pi).isWaitingAt("user_task_safeguard_children", "user_task_report_to_authorities")
        .hasNotPassed("user_task_cpo_authorities_review");
  }

  @Test
  void aLateCpoSignOffEscalatesToTheHeadNotToTheCpoGroups() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse");
    decideThreshold(pi, false, false, false, false, false);

    advance(Duration.ofHours(2).minusMinutes(1));
    assertThat(notifications.kinds()).containsExactly("new-allegation");
    advance(Duration.ofMinutes(1));
    Notification late = notifications.all().get(notifications.all().size() - 1);
    assertThat(late.kind()).isEqualTo("task-overdue");
    assertThat(late.recipientGroups()).containsExactly(HEAD);
    assertThat(pi).isWaitingAt("user_task_cpo_authorities_review");
  }

  @Test
  void aLowLevelConcernEndsWithTheCpoInformedAndTheOutcomeRecorded() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse");
    completeThreshold(pi, false, false, false, false, false);
    assertThat(pi).isWaitingAt("user_task_record_low_level_concern");

    complete(task("user_task_record_low_level_concern", pi), withVariables("lowLevelConcernRecord", "Recorded in the HR and CPO records.",
        "lowLevelConcernActions", "Conversation about the code of conduct."));
    assertThat(pi).as("not closed before the CPO is told").isWaitingAt("service_task_inform_cpo_low_level_concern");
    runAsyncJobs(pi);

    assertThat(pi).isEnded().hasPassed("service_task_inform_cpo_low_level_concern");
    Notification informed = notifications.all().get(notifications.all().size() - 1);
    assertThat(informed.kind()).isEqualTo("low-level-concern-recorded");
    assertThat(informed.recipientGroups()).containsExactly("cpo", "dcpo");
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("lowLevelConcernRecord").singleResult().getValue()).isEqualTo("Recorded in the HR and CPO records.");
  }

  @Test
  void anAllegationRecordedDirectlyThatNamesAChildOpensTheChildsSideOnce() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, directReport("staff-or-volunteer", true));
    String reference = runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();

    assertThat(pi).hasPassed("throw_event_open_child_concern");
    ProcessInstance concern = runtimeService().createProcessInstanceQuery().processDefinitionKey("safeguarding-concern")
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(concern).as("the child's side, under the same case reference").isNotNull();
    assertThat(concern).isWaitingAt("user_task_cpo_triage").variables()
        .containsEntry("childName", "Li Wei-Testchild").containsEntry("childGrade", "Grade 5")
        .containsEntry("concernAbout", "staff-or-volunteer").containsEntry("categories", "sexual-abuse")
        .containsEntry("location", "Music room").containsEntry("referredFromAllegationCase", reference)
        .containsEntry("parentCaseProcessInstanceId", pi.getId());
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count())
        .as("the concern does not start a second allegation").isEqualTo(1);
  }

  @Test
  void anAllegationNamingNoChildOrReferredFromAConcernOpensNoSecondChildsSide() {
    Map<String, Object> report = directReport("staff-or-volunteer", false);
    report.put("childName", "Not known");
    ProcessInstance direct = runtimeService().startProcessInstanceByKey(KEY, report);
    assertThat(direct).hasPassed("end_event_child_side_elsewhere").hasNotPassed("throw_event_open_child_concern");

    ProcessInstance referred = referred("staff-or-volunteer", "emotional-abuse");
    assertThat(referred).hasPassed("end_event_child_side_elsewhere").hasNotPassed("throw_event_open_child_concern");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").count()).isZero();
  }

  // ---------------------------------------------------------------- suspension

  @ParameterizedTest
  @ValueSource(strings = {"suspend", "administrative-leave"})
  void suspensionOrAdministrativeLeaveIsConfirmedToTheAccusedInWritingBeforeTheInvestigation(String decision) {
    ProcessInstance pi = atSuspensionDecision("emotional-abuse");
    completeSuspension(pi, decision);

    assertThat(pi).isWaitingAt("user_task_inform_accused_of_leave");
    assertThat(pi).variables().containsEntry("suspensionDecision", decision)
        .containsEntry("accusedNamedContact", "Deputy Head, Secondary");
    complete(task("user_task_inform_accused_of_leave", pi), withVariables("accusedInformedAt", "2026-03-03T10:00+08:00",
        "accusedInformedBy", "Head of School", "accusedLetterSummary", "Neutral act; named contact; welfare support."));
    assertThat(pi).isWaitingAt("user_task_appoint_investigator");
  }

  @Test
  void changedDutiesAreArrangedWithSupervisionBeforeTheInvestigation() {
    ProcessInstance pi = atSuspensionDecision("emotional-abuse");
    completeSuspension(pi, "changed-duties");

    assertThat(pi).isWaitingAt("user_task_arrange_changed_duties");
    complete(task("user_task_arrange_changed_duties", pi), withVariables("changedDuties", "No one-to-one coaching, no trips.",
        "supervisionArrangements", "Head of PE checks weekly.", "dutiesChangedFrom", "2026-03-03T08:00+08:00"));
    assertThat(pi).isWaitingAt("user_task_appoint_investigator").hasNotPassed("user_task_inform_accused_of_leave");
  }

  @Test
  void noSuspensionStillRecordsReasonsContactAndWelfareAndGoesToTheInvestigation() {
    ProcessInstance pi = atSuspensionDecision("emotional-abuse");
    completeSuspension(pi, "none");

    assertThat(pi).isWaitingAt("user_task_appoint_investigator")
        .hasNotPassed("user_task_inform_accused_of_leave", "user_task_arrange_changed_duties");
    assertThat(pi).variables().containsKeys("suspensionReason", "accusedNamedContact", "accusedWelfareSupport");
  }

  // ---------------------------------------------------------------- investigation

  @Test
  void sexualAbuseAllegationCannotProceedWithoutAnIndependentInvestigator() {
    ProcessInstance pi = atSuspensionDecision("sexual-abuse");
    completeSuspension(pi, "none");
    assertThat(pi).isWaitingAt("user_task_appoint_independent_investigator").isNotWaitingAt("user_task_appoint_investigator");

    assertThatThrownBy(() -> complete(task("user_task_appoint_independent_investigator", pi),
        withVariables("investigationTerms", "Terms."))).hasMessageContaining("'Independent investigator'");
    assertThat(pi).isWaitingAt("user_task_appoint_independent_investigator").isNotWaitingAt("user_task_investigation_report");
    assertThatThrownBy(() -> complete(task("user_task_appoint_independent_investigator", pi),
        withVariables("independentInvestigator", "   "))).hasMessageContaining("'Independent investigator'");
    assertThat(pi).isWaitingAt("user_task_appoint_independent_investigator").isNotWaitingAt("user_task_investigation_report");

    appointIndependentInvestigator(pi);
    assertThat(pi).isWaitingAt("user_task_investigation_report");
    assertThat(pi).variables().containsEntry("independentInvestigator", "A. Lee, Safeguarding Consultancy");
  }

  @Test
  void unTickingSexualAbuseAtTheThresholdDoesNotRemoveTheIndependentInvestigatorRequirement() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse,sexual-abuse");
    assertThat(pi).variables().containsEntry("sexualAbuseAlleged", true); // the threshold form shows it ticked
    completeThreshold(pi, true, false, false, false, false); // sexualAbuseAlleged = false
    completeSafeguarding(pi);
    completeSuspension(pi, "none");

    assertThat(pi).isWaitingAt("user_task_appoint_independent_investigator");
  }

  @Test
  void sexualAbuseTickedAtTheThresholdAlsoRequiresAnIndependentInvestigator() {
    ProcessInstance pi = referred("staff-or-volunteer", "emotional-abuse");
    completeThreshold(pi, true, false, false, false, true);
    completeSafeguarding(pi);
    completeSuspension(pi, "none");

    assertThat(pi).isWaitingAt("user_task_appoint_independent_investigator");
  }

  @Test
  void investigationReportIsDueInTenDaysWithAReminderThenEscalationToTheBoardChair() {
    ProcessInstance pi = atInvestigationReport();
    Task report = task("user_task_investigation_report", pi);
    // Monday 2 March: ten working days (two weekends skipped) end on Monday 16 March, the reminder
    // after seven on Wednesday 11 March (school calendar).
    assertThat(report.getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofDays(14))));
    assertThat(report.getFollowUpDate()).isEqualTo(Date.from(START.plus(Duration.ofDays(9))));

    advance(Duration.ofDays(9).minusMinutes(1));
    assertThat(notifications.kinds()).doesNotContain("investigation-report-due");
    advance(Duration.ofMinutes(1));
    assertThat(notifications.all()).filteredOn(n -> n.kind().equals("investigation-report-due"))
        .singleElement().extracting(Notification::recipientGroups).isEqualTo(List.of(HEAD));
    assertThat(notifications.kinds()).doesNotContain("investigation-report-overdue");

    advance(Duration.ofDays(5).minusMinutes(1));
    assertThat(notifications.kinds()).doesNotContain("investigation-report-overdue");
    advance(Duration.ofMinutes(1));
    // The Head holds the task (the case owner): the escalation table tells the CPO, the deputy and the Board Chair.
    assertThat(notifications.all()).filteredOn(n -> n.kind().equals("investigation-report-overdue"))
        .singleElement().extracting(Notification::recipientGroups).isEqualTo(List.of("cpo", "dcpo", BOARD));
    assertThat(pi).isWaitingAt("user_task_investigation_report")
        .hasPassed("service_task_remind_investigation_report", "service_task_escalate_investigation_report");
  }

  // ---------------------------------------------------------------- outcome, feedback, follow-up

  @Test
  void substantiatedAllegationLeadsToDisciplinaryActionAndAReferralEvenAfterResignation() {
    ProcessInstance pi = atOutcome();
    completeOutcome(pi, "substantiated");
    completeFeedback(pi);

    assertThat(pi).isWaitingAt("user_task_disciplinary_action");
    complete(task("user_task_disciplinary_action", pi), withVariables("disciplinaryAction", "none-left-school",
        "disciplinaryReason", "Resigned during the investigation."));
    complete(task("user_task_follow_up", pi), withVariables("accusedResigned", true, "regulatorReferral", "yes",
        "regulatorReferralReason", "Substantiated harm; resignation does not end the duty to refer.",
        "referencesNote", "Disclosed in references.", "accreditationNotice", true,
        "accreditationNoticeDetails", "CIS notified 2026-04-01.", "lessonsLearned", "Supervision of coaching."));
    assertThat(pi).isWaitingAt("user_task_refer_to_regulators");
    complete(task("user_task_refer_to_regulators", pi), withVariables("regulatorBody", "Teaching licence authority",
        "regulatorReferredAt", "2026-04-02T10:00+08:00", "regulatorReference", "TLA-77"));
    assertThat(pi).isEnded().hasPassed("end_event_allegation_concluded", "end_event_allegation_closed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unsubstantiated", "unfounded"})
  void unsubstantiatedOrUnfoundedAllegationGoesFromFeedbackStraightToFollowUp(String outcome) {
    ProcessInstance pi = atOutcome();
    completeOutcome(pi, outcome);
    completeFeedback(pi);

    assertThat(pi).isWaitingAt("user_task_follow_up")
        .hasNotPassed("user_task_disciplinary_action", "user_task_false_or_malicious");
    completeFollowUp(pi, "no");
    assertThat(pi).isEnded().hasNotPassed("user_task_refer_to_regulators");
    assertThat(pi).variables().containsEntry("allegationOutcome", outcome);
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "malicious"})
  void falseOrMaliciousAllegationIsKeptOffThePersonnelFileAndActionOnTheMakerConsidered(String outcome) {
    ProcessInstance pi = atOutcome();
    completeOutcome(pi, outcome);
    completeFeedback(pi);

    assertThat(pi).isWaitingAt("user_task_false_or_malicious");
    complete(task("user_task_false_or_malicious", pi), withVariables("personnelRecordNote", "Not kept on file.",
        "supportForAccused", "Return to work meeting.", "actionOnMaker", "Considered; child referred for support."));
    completeFollowUp(pi, "no");
    assertThat(pi).isEnded().hasPassed("user_task_false_or_malicious").hasNotPassed("user_task_disciplinary_action");
  }

  @Test
  void outcomeFeedbackToTheAccusedIsDueInFiveDaysAndEscalatesToTheBoardChairWhenMissed() {
    ProcessInstance pi = atOutcome();
    completeOutcome(pi, "unfounded");
    Task feedback = task("user_task_feedback_to_accused", pi);
    // Monday 2 March: five working days end on Monday 9 March (the weekend does not count).
    assertThat(feedback.getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofDays(7))));

    advance(Duration.ofDays(7).minusMinutes(1));
    assertThat(notifications.kinds()).doesNotContain("accused-feedback-overdue");
    advance(Duration.ofMinutes(1));
    assertThat(notifications.all()).filteredOn(n -> n.kind().equals("accused-feedback-overdue"))
        .singleElement().extracting(Notification::recipientGroups).isEqualTo(List.of("cpo", "dcpo", BOARD));
    assertThat(pi).isWaitingAt("user_task_feedback_to_accused").hasPassed("service_task_escalate_feedback_overdue");
  }

  // ---------------------------------------------------------------- whole case

  @Test
  void caseOpenOneMonthWarnsTheHeadAndCpoAndThreeMonthsEscalatesToTheBoard() {
    ProcessInstance pi = atInvestigationReport();
    completeInvestigationReport(pi);

    advance(Duration.ofDays(30).minusMinutes(1));
    assertThat(notifications.kinds()).doesNotContain("allegation-open-warning");
    advance(Duration.ofMinutes(1));
    assertThat(notifications.all()).filteredOn(n -> n.kind().equals("allegation-open-warning"))
        .singleElement().extracting(Notification::recipientGroups).isEqualTo(List.of(HEAD, "cpo"));
    assertThat(notifications.kinds()).doesNotContain("allegation-open-escalation");

    advance(Duration.ofDays(60));
    assertThat(notifications.all()).filteredOn(n -> n.kind().equals("allegation-open-escalation"))
        .singleElement().extracting(Notification::recipientGroups).isEqualTo(List.of(BOARD));
    assertThat(pi).isWaitingAt("user_task_decide_outcome")
        .hasPassed("service_task_warn_case_open", "service_task_escalate_case_to_board");

    completeOutcome(pi, "unsubstantiated");
    completeFeedback(pi);
    completeFollowUp(pi, "no");
    assertThat(pi).isEnded();
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  // ---------------------------------------------------------------- started by the concern process

  @Test
  void concernReportedAboutAStaffMemberStartsTheAllegationFlowUnderTheSameCaseReference() {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", "Mei Chen-Testchild");
    report.put("childGrade", "Grade 9");
    report.put("categories", "emotional-abuse");
    report.put("concernAbout", "staff-or-volunteer");
    report.put("subjectName", "PE teacher");
    report.put("concernAroseAt", Date.from(START.minus(Duration.ofHours(3))));
    report.put("location", "WeChat, late at night");
    report.put("observations", "Her mother says the PE teacher messages her late at night.");
    report.put("immediateDanger", false);
    ProcessInstance concern = runtimeService().startProcessInstanceByKey("safeguarding-concern", report);
    String caseReference = runtimeService().createProcessInstanceQuery().processInstanceId(concern.getId())
        .singleResult().getBusinessKey();

    ProcessInstance allegation = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(caseReference).singleResult();
    assertThat(allegation).isNotNull();
    assertThat(allegation).isWaitingAt("user_task_threshold_test").hasPassed("start_event_allegation_referred");
    assertThat(allegation).variables().containsEntry("caseReference", caseReference)
        .containsEntry("caseOwnerGroup", HEAD).containsEntry("subjectName", "PE teacher")
        .containsEntry("parentCaseProcessInstanceId", concern.getId());
    assertThat(task("user_task_threshold_test", allegation)).hasCandidateGroup(HEAD);
    assertThat(concern).hasPassed("end_event_allegation_started"); // the child's side continues in the concern
  }

  // ---------------------------------------------------------------- helpers

  ProcessInstance referred(String about, String categories) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseReference", "SC-2026-TEST01");
    variables.put("childName", "Mei Chen-Testchild");
    variables.put("childGrade", "Grade 9");
    variables.put("studentId", null);
    variables.put("categories", categories);
    variables.put("concernAbout", about);
    variables.put("subjectName", about.equals(HEAD) ? "Head of School" : "PE teacher");
    variables.put("observations", "The adult messages the student late at night.");
    variables.put("disclosure", null);
    variables.put("immediateDanger", false);
    variables.put("concernAroseAt", Date.from(START.minus(Duration.ofHours(3))));
    variables.put("parentCaseProcessInstanceId", "concern-1");
    ProcessInstance pi = runtimeService().createMessageCorrelation(MESSAGE).processInstanceBusinessKey("SC-2026-TEST01")
        .setVariables(variables).correlateStartMessage();
    assertThat(pi).hasPassed("start_event_allegation_referred");
    runAsyncJobs(pi);
    assertThat(notifications.kinds()).containsExactly("new-allegation");
    return pi;
  }

  static Map<String, Object> directReport(String about, boolean sexualAbuse) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("concernAbout", about);
    variables.put("subjectName", about.equals(HEAD) ? "Head of School" : "Music teacher");
    variables.put("childName", "Li Wei-Testchild");
    variables.put("childGrade", "Grade 5");
    variables.put("allegationMadeBy", "A parent");
    variables.put("allegationReceivedAt", "2026-03-02T08:30+08:00");
    variables.put("location", "Music room");
    variables.put("observations", "The adult asked the child to come alone to a private flat.");
    variables.put("sexualAbuseAlleged", sexualAbuse);
    return variables;
  }

  /** The case owner's threshold test; without a possible crime the CPO then agrees not to tell the authorities. */
  void completeThreshold(ProcessInstance pi, boolean harmed, boolean offence, boolean risk, boolean unsuitable, boolean sexualAbuse) {
    decideThreshold(pi, harmed, offence, risk, unsuitable, sexualAbuse);
    if (!offence) {
      cpoDecides(pi, CPO_USER, "agree");
    }
  }

  void decideThreshold(ProcessInstance pi, boolean harmed, boolean offence, boolean risk, boolean unsuitable, boolean sexualAbuse) {
    as(OWNER_USER, () -> complete(task("user_task_threshold_test", pi), withVariables("thresholdHarmedChild", harmed,
        "thresholdPossibleOffence", offence, "thresholdBehaviourRisk", risk, "thresholdUnsuitable", unsuitable,
        "sexualAbuseAlleged", sexualAbuse, "thresholdRationale", "Reasons for each criterion.")));
  }

  void cpoDecides(ProcessInstance pi, String user, String decision) {
    as(user, () -> complete(task("user_task_cpo_authorities_review", pi), withVariables("cpoAuthoritiesDecision", decision,
        "cpoAuthoritiesDecisionReason", "Spoke with the child's class teacher; reasons recorded.")));
  }

  static void as(String user, Runnable action) {
    identityService().setAuthenticatedUserId(user);
    try {
      action.run();
    } finally {
      identityService().clearAuthentication();
    }
  }

  void completeLowLevelConcern(ProcessInstance pi) {
    complete(task("user_task_record_low_level_concern", pi), withVariables("lowLevelConcernRecord", "Recorded in the HR and CPO records.",
        "lowLevelConcernActions", "Conversation about the code of conduct."));
    runAsyncJobs(pi);
  }

  void completeSafeguarding(ProcessInstance pi) {
    complete(task("user_task_safeguard_children", pi), withVariables("childSafetyActions", "No contact with the adult.",
        "otherChildrenSafety", "The adult's classes supervised.", "riskAssessment", "Risk controlled by supervision.", "riskLevel", "medium"));
  }

  void completeAuthorityReport(ProcessInstance pi) {
    complete(task("user_task_report_to_authorities", pi), withVariables("authorityReportAgency", "public-security-bureau",
        "authorityReportContactPerson", "Officer Wang", "authorityReportContactedAt", "2026-03-02T10:00+08:00",
        "authorityReportReference", "PSB-2026-001", "authorityAdvice", "Do not tell the accused yet."));
  }

  void completeSuspension(ProcessInstance pi, String decision) {
    complete(task("user_task_suspension_decision", pi), withVariables("suspensionDecision", decision,
        "suspensionReason", "Protects children and the investigation.", "accusedNamedContact", "Deputy Head, Secondary",
        "accusedWelfareSupport", "Employee assistance programme."));
  }

  void appointIndependentInvestigator(ProcessInstance pi) {
    complete(task("user_task_appoint_independent_investigator", pi), withVariables(
        "independentInvestigator", "A. Lee, Safeguarding Consultancy", "independentInvestigatorOrganisation", "Safeguarding Consultancy",
        "independenceStatement", "No link with the school.", "investigationTerms", "Terms."));
  }

  void completeInvestigationReport(ProcessInstance pi) {
    complete(task("user_task_investigation_report", pi), withVariables("investigationReportReceivedAt", "2026-03-10T10:00+08:00",
        "investigationFindings", "Findings.", "evidenceConsidered", "Interviews and messages."));
  }

  void completeOutcome(ProcessInstance pi, String outcome) {
    complete(task("user_task_decide_outcome", pi), withVariables("allegationOutcome", outcome, "outcomeReason", "The evidence."));
  }

  void completeFeedback(ProcessInstance pi) {
    complete(task("user_task_feedback_to_accused", pi), withVariables("feedbackSentAt", "2026-03-12T10:00+08:00",
        "feedbackSentBy", "Case owner", "feedbackSummary", "The outcome and next steps."));
  }

  void completeFollowUp(ProcessInstance pi, String referral) {
    complete(task("user_task_follow_up", pi), withVariables("accusedResigned", false, "regulatorReferral", referral,
        "regulatorReferralReason", "Reason.", "referencesNote", "Not mentioned in references.",
        "accreditationNotice", false, "lessonsLearned", "Lessons."));
  }

  ProcessInstance atSuspensionDecision(String categories) {
    ProcessInstance pi = referred("staff-or-volunteer", categories);
    completeThreshold(pi, true, false, false, false, false);
    completeSafeguarding(pi);
    assertThat(pi).isWaitingAt("user_task_suspension_decision");
    return pi;
  }

  ProcessInstance atInvestigationReport() {
    ProcessInstance pi = atSuspensionDecision("emotional-abuse");
    completeSuspension(pi, "none");
    complete(task("user_task_appoint_investigator", pi), withVariables("investigatorName", "Deputy Head, Primary",
        "investigationTerms", "Terms."));
    assertThat(pi).isWaitingAt("user_task_investigation_report");
    return pi;
  }

  ProcessInstance atOutcome() {
    ProcessInstance pi = atInvestigationReport();
    completeInvestigationReport(pi);
    assertThat(pi).isWaitingAt("user_task_decide_outcome");
    return pi;
  }

  /** Moves the engine clock and runs the timers that fell due, then the notifications they started. */
  void advance(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    List<Job> due;
    while (!(due = managementService().createJobQuery().executable().list()).isEmpty()) {
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  void runAsyncJobs(ProcessInstance pi) {
    managementService().createJobQuery().processInstanceId(pi.getId()).messages().list()
        .forEach(job -> managementService().executeJob(job.getId()));
  }

  static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  /**
   * The Head of School has no part in a case about the Head: no task ever had the Head's group as
   * candidate (runtime and history), every task went to the Board Chair, and no email went to the Head.
   */
  void assertHeadHasNoPartIn(ProcessInstance pi) {
    List<HistoricTaskInstance> tasks = historyService().createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(tasks).isNotEmpty();
    for (HistoricTaskInstance task : tasks) {
      List<HistoricIdentityLinkLog> links = historyService().createHistoricIdentityLinkLogQuery().taskId(task.getId()).list();
      assertThat(links).extracting(HistoricIdentityLinkLog::getGroupId).doesNotContain(HEAD).containsAnyOf(BOARD, "cpo");
      assertThat(links).extracting(HistoricIdentityLinkLog::getUserId).containsOnlyNulls();
    }
    for (Task task : taskService().createTaskQuery().processInstanceId(pi.getId()).list()) {
      assertThat(taskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
          .doesNotContain(HEAD).containsAnyOf(BOARD, "cpo");
    }
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(HEAD).count()).isZero();
    // The Head may start new allegations (candidate starter of the definition), but no link of this instance's tasks names the Head.
    assertThat(historyService().createHistoricIdentityLinkLogQuery().processDefinitionId(pi.getProcessDefinitionId()).groupId(HEAD).list())
        .allSatisfy(link -> assertThat(link.getTaskId()).isNull());
    assertThat(notifications.all()).isNotEmpty()
        .allSatisfy(notification -> assertThat(notification.recipientGroups()).doesNotContain(HEAD));
  }
}
