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
 * School trips ({@code processes/school-trip.bpmn}) on the plain engine with the configured
 * defaults, counted back from a departure on 20 October 2026: documents due 21 days before (reminder
 * at 28), approval due 14 days before (reminder at 17, then the Head).
 */
@Deployment(resources = {"processes/school-trip.bpmn", "forms/school-trip-registration.form",
    "forms/school-trip-documents.form", "forms/school-trip-approval.form", "forms/school-trip-departure.form",
    "forms/school-trip-report.form",
    "processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
    "forms/report-safeguarding-concern.form", "forms/immediate-action.form",
    "forms/concern-triage.form", "forms/authority-report.form",
    "forms/case-study-team-decision.form", "forms/further-discovery.form",
    "forms/contact-authorities.form", "forms/monitoring-review.form",
    "forms/no-action-sign-off.form", "forms/close-case.form", "forms/case-review.form",
    "forms/reporter-added-information.form"})
class SchoolTripProcessTest {

  /** safeguarding-concern is deployed only to receive a concern from a trip: its paths are tested elsewhere. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys("safeguarding-concern").build();

  static final Map<String, Object> DOCUMENTS = Map.of("riskAssessment", "Coach travel, hotel, museum visits",
      "itinerary", "Day 1 travel, day 2 museums, day 3 return", "tripContacts", "Leader 138 0000 0000",
      "emergencyPlan", "Nearest hospital, school on-call", "staffRatio", "1 : 8", "medicalAndConsentForms", "all-received");

  RecordedNotifications notifications;
  IdentityService identities;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    identities = engine.getIdentityService();
    clockAt(day("2026-08-01"));
  }

  @AfterEach
  void tearDown() {
    identities.clearAuthentication();
    ProcessTestDelegates.endTest(processEngine());
  }

  static Instant day(String date) {
    return Instant.parse(date + "T00:00:00+08:00");
  }

  static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  static void passTimeTo(Instant instant, String processInstanceId) {
    clockAt(instant);
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService().createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  ProcessInstance registered() {
    identities.setAuthenticatedUserId("leader1");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("school-trip", Map.of("tripTitle",
        "Grade 8 Beijing trip", "destination", "Beijing", "departureDate", "2026-10-20", "returnDate", "2026-10-23",
        "studentCount", 24));
    identities.clearAuthentication();
    return pi;
  }

  Task task(ProcessInstance pi, String key) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  Notification sent(String kind) {
    return notifications.all().stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
  }

  void approve(ProcessInstance pi) {
    complete(task(pi, "user_task_submit_trip_documents"), DOCUMENTS);
    complete(task(pi, "user_task_approve_trip"), withVariables("tripDecision", "approve", "tripDecisionReason", "Sound plan"));
  }

  @Test
  void onlyATripTheCpoApprovedCanBeMarkedDepartedAndItsLeaderReportsAfterTheReturn() {
    ProcessInstance pi = registered();
    assertThat(pi.getBusinessKey()).as("not a case").isNull();
    assertThat(task(pi, "user_task_submit_trip_documents")).isAssignedTo("leader1")
        .hasDueDate(Date.from(day("2026-09-29")));
    complete(task(pi, "user_task_submit_trip_documents"), DOCUMENTS);
    assertThat(task(pi, "user_task_approve_trip")).hasCandidateGroup("cpo").hasDueDate(Date.from(day("2026-10-06")));

    complete(task(pi, "user_task_approve_trip"), withVariables("tripDecision", "return",
        "tripDecisionReason", "Add the hotel's fire exits"));
    assertThat(task(pi, "user_task_submit_trip_documents")).isAssignedTo("leader1");
    approve(pi);

    passTimeTo(day("2026-10-19"), pi.getId());
    assertThat(pi).isWaitingAt("timer_event_departure_day");
    passTimeTo(day("2026-10-20"), pi.getId());
    complete(task(pi, "user_task_confirm_departure"), withVariables("departedOn", "2026-10-20",
        "studentsDeparted", 24, "staffDeparted", 3));
    passTimeTo(day("2026-10-23"), pi.getId());
    complete(task(pi, "user_task_trip_report"), withVariables("tripIncidents", "none", "lessonsLearned",
        "Book the coach earlier", "safeguardingConcern", "no"));

    assertThat(pi).hasPassed("end_event_trip_closed").isEnded();
    assertThat(notifications.kinds()).isEmpty();
  }

  @Test
  void lateDocumentsAreEscalatedAndATripNotApprovedByItsDeadlineEscalatesToTheHeadAndCannotDepart() {
    ProcessInstance pi = registered();
    passTimeTo(day("2026-09-22"), pi.getId());
    assertThat(sent("trip-documents-reminder").recipientGroups()).containsExactly("user:leader1");
    assertThat(notifications.kinds()).doesNotContain("trip-documents-late");
    passTimeTo(day("2026-09-29"), pi.getId());
    // The task is followed by the CPO and deputy: the escalation table tells the Head.
    assertThat(sent("trip-documents-late").recipientGroups()).containsExactly("head-of-school");
    assertThat(sent("trip-documents-late").caseReference()).isEqualTo("Trip: Grade 8 Beijing trip departing 2026-10-20");

    complete(task(pi, "user_task_submit_trip_documents"), DOCUMENTS);
    passTimeTo(day("2026-10-03"), pi.getId());
    assertThat(sent("trip-approval-due").recipientGroups()).containsExactly("cpo", "dcpo");
    assertThat(notifications.kinds()).doesNotContain("trip-approval-overdue");
    passTimeTo(day("2026-10-06"), pi.getId());
    assertThat(sent("trip-approval-overdue").recipientGroups()).containsExactly("head-of-school");

    passTimeTo(day("2026-10-21"), pi.getId());
    assertThat(pi).isWaitingAt("user_task_approve_trip");
    assertThat(task(pi, "user_task_confirm_departure")).as("not approved: cannot be marked departed").isNull();
  }

  @Test
  void aSafeguardingConcernRecordedAfterTheTripStartsTheConcernProcess() {
    ProcessInstance pi = registered();
    approve(pi);
    passTimeTo(day("2026-10-20"), pi.getId());
    complete(task(pi, "user_task_confirm_departure"), withVariables("departedOn", "2026-10-20",
        "studentsDeparted", 24, "staffDeparted", 3));
    passTimeTo(day("2026-10-23"), pi.getId());
    complete(task(pi, "user_task_trip_report"), withVariables("tripIncidents", "A student was upset on day 2",
        "lessonsLearned", "Room checks", "safeguardingConcern", "yes", "concernChildName", "Student A",
        "concernChildGrade", "Grade 8", "concernCategories", "peer-on-peer-abuse", "concernAbout", "student",
        "concernDescription", "Said older students took her phone and threatened her"));

    assertThat(pi).hasPassed("event_concern_reported", "end_event_trip_closed_concern").isEnded();
    ProcessInstance concern = runtimeService().createProcessInstanceQuery().processDefinitionKey("safeguarding-concern")
        .singleResult();
    assertThat(concern.getBusinessKey()).as("a case of its own").isNotBlank();
    assertThat(concern).variables().containsEntry("childName", "Student A").containsEntry("categories", "peer-on-peer-abuse")
        .containsEntry("location", "Reported after the school trip Trip: Grade 8 Beijing trip departing 2026-10-20");
    assertThat(concern).isWaitingAt("user_task_cpo_triage");
  }
}
