package com.caisschool.safeguarding.duties;

import static com.caisschool.safeguarding.duties.DutyProcessFixture.clockAt;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.passTimeTo;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.schoolDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The annual policy review ({@code processes/policy-review.bpmn}) on the plain engine with the real
 * model, forms and configuration (review date 1 August, started by its yearly timer 60 days before,
 * 14-day steps, confirmations: reminder after 7 days, CPO alerted after 14).
 */
@Deployment(resources = {"processes/policy-review.bpmn", "forms/policy-revision.form", "forms/policy-smt-approval.form", "forms/policy-board-approval.form",
    "forms/policy-publication.form", "forms/policy-acknowledgement.form"})
class PolicyReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.9).build();

  RecordedNotifications notifications;
  IdentityService identities;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    identities = engine.getIdentityService();
    DutyProcessFixture.user(identities, "alice", "staff");
    DutyProcessFixture.user(identities, "bob", "staff");
    DutyProcessFixture.user(identities, "governor", "governors");
    // Before the deployment: the yearly timer counts from now.
    clockAt(Instant.parse("2026-05-04T02:00:00Z"));
  }

  @AfterEach
  void tearDown() {
    DutyProcessFixture.removeUsers(identities, "alice", "bob", "governor");
    ProcessTestDelegates.endTest(processEngine());
  }

  static Job yearlyTimer() {
    return DutyProcessFixture.yearlyTimer("policy-review");
  }

  static ProcessInstance startedByTheYearlyTimer() {
    return DutyProcessFixture.startedByTheYearlyTimer("policy-review");
  }

  /** The review as it waits for the CPO, once its yearly timer (60 days before 1 August) has started it. */
  static ProcessInstance seasonOpened() {
    ProcessInstance pi = startedByTheYearlyTimer();
    assertThat(pi).isWaitingAt("user_task_prepare_revision");
    return pi;
  }

  static Map<String, Object> revision() {
    return withVariables("policyVersion", "2026-08", "changesSummary", "Section 4: online safety",
        "changesRationale", "New national guidance", "documentLink", "https://docs.example/policy-2026",
        "modelsChanged", "safeguarding-concern: new category");
  }

  static void approvedAndPublished(ProcessInstance pi) {
    complete(task("user_task_prepare_revision", pi), revision());
    complete(task("user_task_smt_approval", pi), withVariables("smtDecision", "approve", "smtDecisionReason", "Sound"));
    complete(task("user_task_board_approval", pi),
        withVariables("boardDecision", "approve", "boardDecisionReason", "Approved at the June meeting"));
    complete(task("user_task_publish_policy", pi),
        withVariables("publishedOn", "2026-06-20", "websiteLink", "https://caisschool.com/policy"));
  }

  @Test
  void theReviewStartsByItsYearlyTimerTheConfiguredLeadTimeBeforeTheReviewDateWithNothingStartedByHand() {
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("policy-review").count())
        .as("deployed: nothing runs yet, nobody started anything").isZero();
    assertThat(yearlyTimer().getDuedate()).as("1 August less 60 days").isEqualTo(Date.from(schoolDay("2026-06-02")));

    ProcessInstance pi = startedByTheYearlyTimer();

    assertThat(pi).isWaitingAt("user_task_prepare_revision", "timer_event_review_date");
    assertThat(pi).variables().containsEntry("reviewDate", "2026-08-01")
        .containsEntry("dutyReference", "Policy review 2026").containsEntry("reviewLeadTime", "P60D");
    assertThat(pi.getBusinessKey()).as("a duty is not a case: no case reference").isNull();
    assertThat(task("user_task_prepare_revision", pi)).hasCandidateGroup("cpo").hasCandidateGroup("dcpo")
        .hasDueDate(Date.from(schoolDay("2026-06-16")));
    assertThat(yearlyTimer().getDuedate()).as("next year's review is scheduled a year on")
        .isEqualTo(Date.from(schoolDay("2027-06-02")));
  }

  @Test
  void nextYearsReviewStartsByItselfAYearOn() {
    ProcessInstance first = seasonOpened();
    approvedAndPublished(first);
    runtimeService().createProcessInstanceQuery().processDefinitionKey("policy-review").list()
        .forEach(other -> assertThat(other.getId()).as("nothing else started when publishing").isEqualTo(first.getId()));

    ProcessInstance next = startedByTheYearlyTimer();

    assertThat(ClockUtil.getCurrentTime()).isEqualTo(Date.from(schoolDay("2027-06-02")));
    assertThat(next).isWaitingAt("user_task_prepare_revision", "timer_event_review_date");
    assertThat(next).variables().containsEntry("reviewDate", "2027-08-01")
        .containsEntry("dutyReference", "Policy review 2027");
    assertThat(yearlyTimer().getDuedate()).isEqualTo(Date.from(schoolDay("2028-06-02")));
  }

  @Test
  void theCpoMayStartThisYearsReviewEarlyAndTheTimerThenStartsNoSecondOne() {
    // Tasklist's "Start process" starts the model at its start event, before the timer is due.
    ProcessInstance early = runtimeService().startProcessInstanceByKey("policy-review");
    assertThat(early).isWaitingAt("user_task_prepare_revision", "timer_event_review_date");
    assertThat(early).variables().containsEntry("reviewDate", "2026-08-01")
        .containsEntry("dutyReference", "Policy review 2026");

    ProcessInstance byTimer = startedByTheYearlyTimer();

    assertThat(byTimer).as("ended at once").isNull();
    assertThat(historyService().createHistoricActivityInstanceQuery().activityId("end_event_already_under_way")
        .count()).isEqualTo(1);
    assertThat(taskQuery().taskDefinitionKey("user_task_prepare_revision").count()).isEqualTo(1);
    assertThat(yearlyTimer().getDuedate()).isEqualTo(Date.from(schoolDay("2027-06-02")));
  }

  @Test
  void theSeniorManagementTeamAndTheBoardCanEachReturnTheRevisionWithTheirReasons() {
    ProcessInstance pi = seasonOpened();
    complete(task("user_task_prepare_revision", pi), revision());
    assertThat(task("user_task_smt_approval", pi)).hasCandidateGroup("smt");
    assertThatThrownBy(() -> complete(task("user_task_smt_approval", pi), withVariables("smtDecision", "return")))
        .hasMessageContaining("Required field missing").hasMessageContaining("smtDecisionReason");

    complete(task("user_task_smt_approval", pi),
        withVariables("smtDecision", "return", "smtDecisionReason", "Add the photo rule"));
    assertThat(pi).isWaitingAt("user_task_prepare_revision");
    complete(task("user_task_prepare_revision", pi), revision());
    complete(task("user_task_smt_approval", pi), withVariables("smtDecision", "approve", "smtDecisionReason", "Done"));
    assertThat(task("user_task_board_approval", pi)).hasCandidateGroup("board-chair");
    complete(task("user_task_board_approval", pi),
        withVariables("boardDecision", "return", "boardDecisionReason", "Clarify section 4"));

    assertThat(pi).isWaitingAt("user_task_prepare_revision");
    assertThat(pi).variables().containsEntry("boardDecisionReason", "Clarify section 4");
  }

  @Test
  void publishingLinksTheModelsAndAsksEveryMemberOfStaffToConfirm() {
    ProcessInstance pi = seasonOpened();
    approvedAndPublished(pi);

    assertThat(pi).variables().containsEntry("publishedOn", "2026-06-20")
        .containsEntry("websiteLink", "https://caisschool.com/policy").containsKey("implementingModels");
    assertThat((String) runtimeService().getVariable(pi.getId(), "implementingModels")).contains("policy-review v");

    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("user_task_acknowledge_policy").list())
        .extracting(Task::getAssignee).containsExactlyInAnyOrder("alice", "bob");
    assertThat(taskQuery().taskAssignee("governor").count()).as("not staff, not asked").isZero();
  }

  @Test
  void staffWhoHaveNotConfirmedAreRemindedThenTheCpoIsAlerted() {
    ProcessInstance pi = seasonOpened();
    approvedAndPublished(pi);
    Instant published = ClockUtil.getCurrentTime().toInstant();
    Task alices = taskQuery().processInstanceId(pi.getId()).taskAssignee("alice").singleResult();
    assertThatThrownBy(() -> complete(alices, Map.of()))
        .hasMessageContaining("Required field missing").hasMessageContaining("policyRead");
    complete(alices, withVariables("policyRead", "read"));

    passTimeTo(published.plus(Duration.ofDays(7)), pi.getId());
    Notification reminder = notifications.all().stream()
        .filter(sent -> sent.kind().equals("policy-acknowledgement-reminder")).findFirst().orElseThrow();
    assertThat(reminder.recipientGroups()).containsExactly("user:bob");
    assertThat(reminder.caseReference()).isEqualTo("Policy review 2026");
    assertThat(notifications.kinds()).doesNotContain("policy-acknowledgements-overdue");

    passTimeTo(published.plus(Duration.ofDays(14)), pi.getId());
    Notification overdue = notifications.all().stream()
        .filter(sent -> sent.kind().equals("policy-acknowledgements-overdue")).findFirst().orElseThrow();
    assertThat(overdue.recipientGroups()).containsExactly("cpo", "dcpo");
    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("user_task_acknowledge_policy")
        .singleResult().getAssignee()).as("the one who has not confirmed").isEqualTo("bob");

    complete(taskQuery().processInstanceId(pi.getId()).taskAssignee("bob").singleResult(),
        withVariables("policyRead", "read"));
    passTimeTo(schoolDay("2026-08-01"), pi.getId());
    assertThat(pi).hasPassed("end_event_staff_confirmed", "end_event_review_in_time").isEnded();
    assertThat(notifications.kinds()).doesNotContain("policy-review-overdue");
  }

  @Test
  void aReviewNotPublishedByTheReviewDateEscalatesToTheHeadAndTheBoardChair() {
    ProcessInstance pi = seasonOpened();
    complete(task("user_task_prepare_revision", pi), revision());

    passTimeTo(schoolDay("2026-07-31"), pi.getId());
    assertThat(notifications.kinds()).doesNotContain("policy-review-overdue");
    passTimeTo(schoolDay("2026-08-01"), pi.getId());

    Notification escalation = notifications.all().stream()
        .filter(sent -> sent.kind().equals("policy-review-overdue")).findFirst().orElseThrow();
    assertThat(escalation.recipientGroups()).contains("head-of-school", "board-chair");
    assertThat(pi).hasPassed("service_task_alert_review_overdue").isWaitingAt("user_task_smt_approval");
    assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("policy-review").count())
        .as("next year's starts by its timer, not before").isEqualTo(1);
  }
}
