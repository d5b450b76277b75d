package com.caisschool.safeguarding.duties;

import static com.caisschool.safeguarding.duties.DutyProcessFixture.clockAt;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.passTimeTo;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.schoolDay;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.startedByTheYearlyTimer;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.yearlyTimer;
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
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The yearly review of practice ({@code processes/practice-review.bpmn}) on the plain engine with the
 * configured defaults: due on 31 January, started by its yearly timer 14 days before, the CPO's
 * review due on the review date, each late step escalated through the escalation table.
 */
@Deployment(resources = {"processes/practice-review.bpmn", "forms/practice-review.form",
    "forms/practice-review-approval.form"})
class PracticeReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.9).build();

  RecordedNotifications notifications;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    // Before the deployment: the yearly timer counts from now.
    clockAt(schoolDay("2026-06-01"));
  }

  @AfterEach
  void tearDown() {
    ProcessTestDelegates.endTest(processEngine());
  }

  static void lessons(ProcessInstance pi) {
    complete(task(pi), withVariables("lessonsLearned", "Triage late in exam weeks",
        "improvementActions", "Deputy covers triage in exam weeks - CPO - by September"));
  }

  @Test
  void itStartsByItselfTheCpoRecordsLessonsTheSmtApprovesAndNextYearsStartsAYearOn() {
    assertThat(runtimeService().createProcessInstanceQuery().count()).as("nothing started by hand").isZero();
    assertThat(yearlyTimer("practice-review").getDuedate()).isEqualTo(Date.from(schoolDay("2027-01-17")));

    ProcessInstance pi = startedByTheYearlyTimer("practice-review");

    assertThat(pi).variables().containsEntry("reviewDate", "2027-01-31")
        .containsEntry("dutyReference", "Practice review 2027");
    assertThat(task(pi)).hasDefinitionKey("user_task_review_practice").hasCandidateGroup("cpo")
        .hasDueDate(Date.from(schoolDay("2027-01-31")));
    lessons(pi);
    assertThat(task(pi)).hasDefinitionKey("user_task_smt_approval").hasCandidateGroup("smt");
    assertThatThrownBy(() -> complete(task(pi), withVariables("smtDecision", "approve")))
        .hasMessageContaining("smtDecisionReason");
    complete(task(pi), withVariables("smtDecision", "return", "smtDecisionReason", "Name an owner for each action"));
    assertThat(task(pi)).hasDefinitionKey("user_task_review_practice");
    lessons(pi);
    complete(task(pi), withVariables("smtDecision", "approve", "smtDecisionReason", "Agreed"));
    assertThat(pi).hasPassed("end_event_reviewed").isEnded();

    ProcessInstance next = startedByTheYearlyTimer("practice-review");
    assertThat(ClockUtil.getCurrentTime()).isEqualTo(Date.from(schoolDay("2028-01-17")));
    assertThat(next).isWaitingAt("user_task_review_practice").variables()
        .containsEntry("reviewDate", "2028-01-31").containsEntry("dutyReference", "Practice review 2028");
  }

  @Test
  void aReviewNotDoneByTheReviewDateIsEscalatedAndALateApprovalToo() {
    ProcessInstance pi = startedByTheYearlyTimer("practice-review");

    passTimeTo(schoolDay("2027-01-30"), pi.getId());
    assertThat(notifications.kinds()).doesNotContain("task-overdue");
    passTimeTo(schoolDay("2027-01-31"), pi.getId());
    Notification late = notifications.all().stream().filter(n -> n.kind().equals("task-overdue")).findFirst()
        .orElseThrow();
    assertThat(late.recipientGroups()).as("escalation table: the CPO and deputy hold it, the Head is told")
        .containsExactly("head-of-school");

    lessons(pi);
    passTimeTo(schoolDay("2027-02-14"), pi.getId());
    assertThat(notifications.all().stream().filter(n -> n.kind().equals("task-overdue")).toList()).hasSize(2)
        .last().extracting(Notification::recipientGroups).asList().containsExactly("head-of-school");
  }

  @Test
  void theCpoMayStartThisYearsReviewEarlyAndTheTimerThenStartsNoSecondOne() {
    ProcessInstance early = runtimeService().startProcessInstanceByKey("practice-review");
    assertThat(early).variables().containsEntry("dutyReference", "Practice review 2027");

    assertThat(startedByTheYearlyTimer("practice-review")).as("ended at once").isNull();
    assertThat(historyService().createHistoricActivityInstanceQuery().activityId("end_event_already_under_way").count())
        .isEqualTo(1);
    assertThat(taskQuery().taskDefinitionKey("user_task_review_practice").count()).isEqualTo(1);
  }
}
