package com.caisschool.safeguarding.duties;

import static com.caisschool.safeguarding.duties.DutyProcessFixture.clockAt;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.passTimeTo;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.schoolDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
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
 * The campus safety audit ({@code processes/campus-safety-audit.bpmn}) on the plain engine with the
 * configured defaults: on 1 October, started 14 days before by its yearly timer, the Head alerted
 * when it is not recorded within 30 days; each action a task for its owner, reminded 7 days before
 * it is due and escalated when overdue, until every action is done.
 */
@Deployment(resources = {"processes/campus-safety-audit.bpmn", "forms/campus-safety-audit.form",
    "forms/campus-safety-audit-action.form"})
class CampusSafetyAuditProcessTest {

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
    DutyProcessFixture.user(identities, "facilities", "staff");
    DutyProcessFixture.user(identities, "itlead", "staff");
    // Before the deployment: the yearly timer counts from now.
    clockAt(schoolDay("2026-08-01"));
  }

  @AfterEach
  void tearDown() {
    DutyProcessFixture.removeUsers(identities, "facilities", "itlead");
    ProcessTestDelegates.endTest(processEngine());
  }

  Notification sent(String kind) {
    return notifications.all().stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
  }

  static Job yearlyTimer() {
    return managementService().createJobQuery().processDefinitionKey("campus-safety-audit").timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
  }

  static ProcessInstance auditStartedByItsTimer() {
    Job timer = yearlyTimer();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(schoolDay("2026-09-17")));
    clockAt(schoolDay("2026-09-17"));
    managementService().executeJob(timer.getId());
    return runtimeService().createProcessInstanceQuery().processDefinitionKey("campus-safety-audit").singleResult();
  }

  static Task action(ProcessInstance pi, String owner) {
    return taskQuery().processInstanceId(pi.getId()).taskAssignee(owner).singleResult();
  }

  @Test
  void theAuditStartsEachYearByItselfAndIsEscalatedToTheHeadWhenNotRecorded() {
    ProcessInstance pi = auditStartedByItsTimer();
    assertThat(pi).variables().containsEntry("dutyReference", "Campus safety audit 2026");
    assertThat(taskQuery().processInstanceId(pi.getId()).singleResult()).hasCandidateGroup("cpo")
        .hasDueDate(Date.from(schoolDay("2026-10-17")));
    assertThat(yearlyTimer().getDuedate()).as("next year's audit").isEqualTo(Date.from(schoolDay("2027-09-17")));

    passTimeTo(schoolDay("2026-10-17"), pi.getId());
    assertThat(sent("campus-audit-overdue").recipientGroups()).containsExactly("head-of-school");

    complete(taskQuery().processInstanceId(pi.getId()).singleResult(), withVariables("auditedOn", "2026-10-18",
        "areasInspected", "All gates", "auditFindings", "All in order", "auditActionLines", ""));
    assertThat(pi).hasPassed("end_event_no_actions").isEnded();
  }

  @Test
  void eachActionGoesToItsOwnerIsRemindedAlertedWhenOverdueAndFollowedUntilAllAreDone() {
    ProcessInstance pi = auditStartedByItsTimer();
    Task audit = taskQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> complete(audit, withVariables("auditedOn", "2026-09-20", "areasInspected", "Gates",
        "auditFindings", "Latch broken", "auditActionLines", "Fix the gate latch; nobody-here; 2026-10-31")))
        .hasMessageContaining("line 1: the owner is not a user").hasMessageNotContaining("nobody-here");
    assertThatThrownBy(() -> complete(audit, withVariables("auditedOn", "2026-09-20", "areasInspected", "Gates",
        "auditFindings", "Latch broken", "auditActionLines", "Fix the gate latch; facilities; 2026-01-31")))
        .hasMessageContaining("line 1: the due date must be a date from today on");

    complete(audit, withVariables("auditedOn", "2026-09-20", "areasInspected", "Gates, CCTV",
        "auditFindings", "Latch broken; a camera points away from the side gate",
        "auditActionLines", "Fix the gate latch; facilities; 2026-10-31\n\nTurn the camera to the side gate; itlead"));

    assertThat(action(pi, "facilities")).hasDueDate(Date.from(schoolDay("2026-10-31")));
    assertThat(action(pi, "itlead")).hasDueDate(Date.from(schoolDay("2026-10-17")));
    assertThat(taskQuery().processInstanceId(pi.getId()).taskCandidateGroup("cpo").includeAssignedTasks().count())
        .as("the CPO follows every action").isEqualTo(2);
    complete(action(pi, "itlead"), withVariables("actionOutcome", "Camera turned", "actionDoneOn", "2026-10-01"));

    passTimeTo(schoolDay("2026-10-24"), pi.getId());
    assertThat(sent("audit-action-reminder").recipientGroups()).containsExactly("user:facilities");
    assertThat(notifications.kinds()).doesNotContain("audit-action-overdue");
    passTimeTo(schoolDay("2026-10-31"), pi.getId());
    // Followed by the CPO and deputy: the escalation table tells the Head.
    assertThat(sent("audit-action-overdue").recipientGroups()).containsExactly("head-of-school");
    assertThat(sent("audit-action-overdue").caseReference()).isEqualTo("Campus safety audit 2026");
    assertThat(pi).isNotEnded();

    complete(action(pi, "facilities"), withVariables("actionOutcome", "New latch fitted", "actionDoneOn", "2026-11-02"));
    assertThat(pi).hasPassed("end_event_actions_done").isEnded();
  }
}
