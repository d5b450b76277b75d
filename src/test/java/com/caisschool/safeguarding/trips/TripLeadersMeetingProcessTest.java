package com.caisschool.safeguarding.trips;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The yearly meeting of the CPO and the trip leaders ({@code processes/trip-leaders-meeting.bpmn})
 * on the plain engine with the configured defaults: on 1 September, started 14 days before by its
 * own yearly timer, the Head alerted when it is not recorded 30 days after.
 */
@Deployment(resources = {"processes/trip-leaders-meeting.bpmn", "forms/trip-leaders-meeting.form"})
class TripLeadersMeetingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.9).build();

  RecordedNotifications notifications;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    // Before the deployment: the yearly timer counts from now.
    ClockUtil.setCurrentTime(Date.from(day("2026-08-01")));
  }

  @AfterEach
  void tearDown() {
    ProcessTestDelegates.endTest(processEngine());
  }

  static Instant day(String date) {
    return Instant.parse(date + "T00:00:00+08:00");
  }

  Notification sent(String kind) {
    return notifications.all().stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void theYearlyMeetingStartsByItselfBeforeItsDayEscalatesToTheHeadWhenOverdueAndComesBackNextYear() {
    Job yearly = managementService().createJobQuery().processDefinitionKey("trip-leaders-meeting").timers().singleResult();
    assertThat(yearly.getProcessInstanceId()).as("a timer start").isNull();
    assertThat(yearly.getDuedate()).isEqualTo(Date.from(day("2026-08-18")));

    ClockUtil.setCurrentTime(Date.from(day("2026-08-18")));
    managementService().executeJob(yearly.getId());
    ProcessInstance meeting = runtimeService().createProcessInstanceQuery().processDefinitionKey("trip-leaders-meeting")
        .singleResult();
    assertThat(meeting).variables().containsEntry("dutyReference", "Trip leaders meeting 2026")
        .containsEntry("meetingDate", "2026-09-01");
    assertThat(taskQuery().processInstanceId(meeting.getId()).singleResult()).hasCandidateGroup("cpo")
        .hasDueDate(Date.from(day("2026-09-17")));
    Job nextYear = managementService().createJobQuery().processDefinitionKey("trip-leaders-meeting").timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
    assertThat(nextYear.getDuedate()).isEqualTo(Date.from(day("2027-08-18")));

    ClockUtil.setCurrentTime(Date.from(day("2026-09-17")));
    managementService().createJobQuery().processInstanceId(meeting.getId()).executable().list()
        .forEach(job -> managementService().executeJob(job.getId()));
    managementService().createJobQuery().processInstanceId(meeting.getId()).executable().list()
        .forEach(job -> managementService().executeJob(job.getId()));
    assertThat(sent("trip-meeting-overdue").recipientGroups()).containsExactly("head-of-school");
    complete(taskQuery().processInstanceId(meeting.getId()).singleResult(), withVariables("meetingHeldOn", "2026-09-18",
        "meetingAttendees", "All six trip leaders", "meetingTopics", List.of("safety-protocols", "risk-assessments",
            "emergency-procedures"), "meetingNotes", "New medical form"));
    assertThat(meeting).hasPassed("end_event_meeting_held").isEnded();
  }
}
