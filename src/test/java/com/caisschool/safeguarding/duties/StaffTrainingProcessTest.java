package com.caisschool.safeguarding.duties;

import static com.caisschool.safeguarding.duties.DutyProcessFixture.clockAt;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.passTimeTo;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.schoolDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member of staff's safeguarding training ({@code processes/staff-training.bpmn}) on the plain
 * engine with the configured defaults: induction within 30 days (reminder at 14), renewal task 30
 * days before the certificate expires, CPO and HR alerted when either is overdue.
 */
@Deployment(resources = {"processes/staff-training.bpmn", "forms/staff-training-start.form",
    "forms/staff-training-record.form", "forms/staff-training-renewal.form"})
class StaffTrainingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.9).build();

  RecordedNotifications notifications;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    clockAt(schoolDay("2026-08-17"));
  }

  @AfterEach
  void tearDown() {
    ProcessTestDelegates.endTest(processEngine());
  }

  static ProcessInstance joined() {
    return runtimeService().startProcessInstanceByKey("staff-training",
        Map.of("staffMember", "newteacher", "startDate", "2026-08-17"));
  }

  static Map<String, Object> course(String completedOn, String expiresOn) {
    return withVariables("trainingCourse", "Safeguarding level 2", "trainingProvider", "ISS training",
        "trainingCompletedOn", completedOn, "expiresOn", expiresOn);
  }

  Notification sent(String kind) {
    return notifications.all().stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void newStaffGetTheirOwnInductionTaskDueWithinTheConfiguredTime() {
    ProcessInstance pi = joined();

    assertThat(pi.getBusinessKey()).as("not a case").isNull();
    assertThat(task(pi)).isAssignedTo("newteacher").hasDueDate(Date.from(schoolDay("2026-09-16")));
    assertThat(taskQuery().taskCandidateGroup("hr").includeAssignedTasks().count()).as("HR can follow it").isOne();
    assertThat(pi).variables().containsEntry("dutyReference", "Training of newteacher");
    assertThatThrownBy(() -> complete(task(pi), withVariables("trainingCourse", "Level 2")))
        .hasMessageContaining("Required field missing");
  }

  @Test
  void theInductionDeadlineCountsFromTheStartDateNotFromWhenTheRecordWasOpened() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("staff-training",
        Map.of("staffMember", "newteacher", "startDate", "2026-09-01"));

    assertThat(task(pi)).hasDueDate(Date.from(schoolDay("2026-10-01")));
    passTimeTo(schoolDay("2026-09-14"), pi.getId());
    assertThat(notifications.kinds()).doesNotContain("training-reminder");
    passTimeTo(schoolDay("2026-09-15"), pi.getId());
    assertThat(sent("training-reminder").recipientGroups()).containsExactly("user:newteacher");
  }

  @Test
  void inductionNotRecordedIsRemindedThenEscalatedPastHrToTheHeadAndCpo() {
    ProcessInstance pi = joined();

    passTimeTo(schoolDay("2026-08-31"), pi.getId());
    assertThat(sent("training-reminder").recipientGroups()).containsExactly("user:newteacher");
    assertThat(notifications.kinds()).doesNotContain("training-overdue");

    passTimeTo(schoolDay("2026-09-16"), pi.getId());
    assertThat(sent("training-overdue").recipientGroups()).containsExactly("head-of-school", "cpo");
    assertThat(pi).isWaitingAt("user_task_induction_training");
  }

  @Test
  void aRenewalTaskComesBeforeTheCertificateExpiresAndTheRecordRunsOnYearAfterYear() {
    ProcessInstance pi = joined();
    complete(task(pi), course("2026-08-20", "2027-08-20"));
    assertThat(pi).isWaitingAt("timer_event_renewal_due");

    passTimeTo(schoolDay("2027-07-20"), pi.getId());
    assertThat(pi).isWaitingAt("timer_event_renewal_due");
    passTimeTo(schoolDay("2027-07-21"), pi.getId());
    assertThat(task(pi)).hasDefinitionKey("user_task_renew_training").isAssignedTo("newteacher")
        .hasDueDate(Date.from(schoolDay("2027-08-20")));

    complete(task(pi), withVariables("renewalOutcome", "renewed", "trainingCourse", "Refresher",
        "trainingProvider", "ISS training", "trainingCompletedOn", "2027-08-01", "expiresOn", "2028-08-01"));
    assertThat(pi).isWaitingAt("timer_event_renewal_due").variables().containsEntry("expiresOn", "2028-08-01");
    assertThat(notifications.kinds()).doesNotContain("training-overdue");
  }

  @Test
  void anExpiredCertificateEscalatesToTheHeadAndCpoAndHrClosesTheRecordOfSomeoneWhoLeft() {
    ProcessInstance pi = joined();
    complete(task(pi), course("2026-08-20", "2027-08-20"));
    passTimeTo(schoolDay("2027-07-21"), pi.getId());

    passTimeTo(schoolDay("2027-08-20"), pi.getId());
    assertThat(sent("training-overdue").caseReference()).isEqualTo("Training of newteacher");
    assertThat(sent("training-overdue").recipientGroups()).containsExactly("head-of-school", "cpo");

    complete(task(pi), withVariables("renewalOutcome", "left-school", "renewalOutcomeReason", "Left in July"));
    assertThat(pi).hasPassed("end_event_left_school");
    Instant later = schoolDay("2028-08-01");
    clockAt(later);
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }
}
