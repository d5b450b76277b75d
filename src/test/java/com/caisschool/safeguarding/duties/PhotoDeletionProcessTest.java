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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The end-of-year photo deletion confirmations ({@code processes/photo-deletion.bpmn}) on the plain engine. */
@Deployment(resources = {"processes/photo-deletion.bpmn",
    "forms/photo-deletion-confirmation.form"})
class PhotoDeletionProcessTest {

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
    // Before the deployment: the yearly timer counts from now.
    clockAt(schoolDay("2026-06-01"));
  }

  @AfterEach
  void tearDown() {
    DutyProcessFixture.removeUsers(identities, "alice", "bob");
    ProcessTestDelegates.endTest(processEngine());
  }

  Notification sent(String kind) {
    return notifications.all().stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void eachMemberOfStaffConfirmsIsRemindedAndTheCpoAlertedAndNextYearIsScheduled() {
    assertThat(runtimeService().createProcessInstanceQuery().count()).as("nothing started by hand").isZero();
    assertThat(yearlyTimer("photo-deletion").getDuedate()).as("30 June less 14 days")
        .isEqualTo(Date.from(schoolDay("2026-06-16")));
    ProcessInstance pi = startedByTheYearlyTimer("photo-deletion");

    assertThat(pi).variables().containsEntry("confirmBy", "2026-06-30").containsEntry("dutyReference", "Photo deletion 2026");
    assertThat(taskQuery().processInstanceId(pi.getId()).list()).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("alice", "bob");
    assertThat(yearlyTimer("photo-deletion").getDuedate()).as("next year's, a year on")
        .isEqualTo(Date.from(schoolDay("2027-06-16")));

    Task alices = taskQuery().processInstanceId(pi.getId()).taskAssignee("alice").singleResult();
    assertThatThrownBy(() -> complete(alices, Map.of())).hasMessageContaining("photosDeleted");
    complete(alices, withVariables("photosDeleted", "deleted"));

    passTimeTo(schoolDay("2026-06-23"), pi.getId());
    assertThat(sent("photo-deletion-reminder").recipientGroups()).containsExactly("user:bob");
    passTimeTo(schoolDay("2026-06-30"), pi.getId());
    assertThat(sent("photo-deletion-overdue").recipientGroups()).containsExactly("cpo", "dcpo");

    complete(taskQuery().processInstanceId(pi.getId()).taskAssignee("bob").singleResult(),
        withVariables("photosDeleted", "deleted"));
    assertThat(pi).hasPassed("end_event_all_confirmed").isEnded();

    ProcessInstance next = startedByTheYearlyTimer("photo-deletion");
    assertThat(next).variables().containsEntry("confirmBy", "2027-06-30")
        .containsEntry("dutyReference", "Photo deletion 2027");
    assertThat(taskQuery().processInstanceId(next.getId()).count()).isEqualTo(2);
  }

  @Test
  void theCpoMayStartThisYearsRequestsEarlyAndTheTimerThenStartsNoSecondRound() {
    ProcessInstance early = runtimeService().startProcessInstanceByKey("photo-deletion");
    assertThat(early).variables().containsEntry("dutyReference", "Photo deletion 2026");

    assertThat(startedByTheYearlyTimer("photo-deletion")).as("ended at once").isNull();
    assertThat(historyService().createHistoricActivityInstanceQuery().activityId("end_event_already_under_way").count())
        .isEqualTo(1);
    assertThat(taskQuery().taskAssignee("alice").count()).as("asked once").isEqualTo(1);
  }
}
