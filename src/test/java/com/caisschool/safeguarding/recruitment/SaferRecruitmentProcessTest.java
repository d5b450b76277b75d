package com.caisschool.safeguarding.recruitment;

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
 * Safer recruitment ({@code processes/safer-recruitment.bpmn}) on the plain engine with the
 * configured defaults: checks due 14 days before the start date, each check recording who and when,
 * the start confirmed only after every check, or under the Head's risk assessment of at most 42 days
 * that raises a task when it expires; the training record opens with the start date.
 */
@Deployment(resources = {"processes/safer-recruitment.bpmn", "processes/staff-training.bpmn",
    "forms/safer-recruitment-start.form", "forms/safer-recruitment-identity.form",
    "forms/safer-recruitment-references.form", "forms/safer-recruitment-criminal-records.form",
    "forms/safer-recruitment-qualifications.form", "forms/safer-recruitment-interview.form",
    "forms/safer-recruitment-code-of-conduct.form", "forms/safer-recruitment-confirm-start.form",
    "forms/safer-recruitment-risk-assessment.form", "forms/safer-recruitment-risk-assessment-expired.form",
    "forms/staff-training-start.form", "forms/staff-training-record.form", "forms/staff-training-renewal.form"})
class SaferRecruitmentProcessTest {

  /** staff-training is deployed only to receive the new record: its own paths are tested elsewhere. */
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys("staff-training").build();

  static final Map<String, Map<String, Object>> CHECKS = Map.of(
      "user_task_check_identity", Map.of("identityDocument", "passport", "identityOutcome", "verified",
          "identityOutcomeReason", "Original passport seen"),
      "user_task_record_references", Map.of("reference1Referee", "Principal, previous school",
          "reference1SafeguardingAnswer", "No concerns", "reference2Referee", "Head of department",
          "reference2SafeguardingAnswer", "No concerns", "mostRecentEmployerReference", "reference-1",
          "referencesOutcome", "satisfactory", "referencesOutcomeReason", "Both positive"),
      "user_task_record_criminal_records", Map.of("criminalRecordCertificates", "China, PSB, 2026-05-02",
          "chinaCertificate", "received", "criminalRecordOutcome", "clear", "criminalRecordOutcomeReason", "All covered"),
      "user_task_check_qualifications", Map.of("qualificationsChecked", "B.Ed 2015", "qualificationsOutcome",
          "verified", "qualificationsOutcomeReason", "Originals seen"),
      "user_task_record_interview", Map.of("interviewPanel", "Head, HR", "interviewedOn", "2026-06-01",
          "safeguardingQuestion", "What would you do if a child told you ...", "safeguardingAnswerSummary",
          "Listen, record, report to the CPO the same day", "panelAssessment", "satisfactory",
          "panelAssessmentReason", "Clear answer"),
      "user_task_record_code_of_conduct", Map.of("codeOfConductSignedOn", "2026-06-10",
          "codeOfConductSigned", "signed"));

  RecordedNotifications notifications;
  IdentityService identities;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    identities = engine.getIdentityService();
    clockAt(day("2026-07-01"));
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

  /** Moves the clock and runs the instance's due jobs, as the job executor would. */
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

  static ProcessInstance recruiting() {
    return runtimeService().startProcessInstanceByKey("safer-recruitment", Map.of("personName", "Wei Zhang",
        "staffUserId", "wzhang", "personType", "employee", "postTitle", "Grade 3 teacher",
        "startDate", "2026-08-20", "countriesLived", "China\nCanada"));
  }

  Task task(ProcessInstance pi, String key) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  void doCheck(ProcessInstance pi, String key) {
    complete(task(pi, key), CHECKS.get(key));
  }

  Notification sent(String kind) {
    return notifications.all().stream().filter(n -> n.kind().equals(kind)).findFirst().orElseThrow();
  }

  List<ProcessInstance> trainingRecords() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey("staff-training").list();
  }

  @Test
  void everyCheckRecordsWhoAndWhenAndTheStartIsConfirmedOnlyWhenAllAreComplete() {
    ProcessInstance pi = recruiting();
    assertThat(pi.getBusinessKey()).as("not a case").isNull();
    assertThat(pi).variables().containsEntry("dutyReference", "Recruitment: Grade 3 teacher from 2026-08-20");
    assertThat(taskQuery().processInstanceId(pi.getId()).list()).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrderElementsOf(CHECKS.keySet());
    assertThat(taskQuery().taskCandidateGroup("hr").processInstanceId(pi.getId()).count()).isEqualTo(6);

    identities.setAuthenticatedUserId("hr");
    clockAt(day("2026-07-02"));
    doCheck(pi, "user_task_check_identity");
    assertThat(pi).variables().containsEntry("identityCheckedBy", "hr")
        .containsEntry("identityCheckedAt", Date.from(day("2026-07-02")));
    assertThatThrownBy(() -> complete(task(pi, "user_task_record_references"), withVariables("reference1Referee", "x")))
        .hasMessageContaining("Required field missing");

    CHECKS.keySet().stream().filter(key -> !key.equals("user_task_check_identity")
        && !key.equals("user_task_record_code_of_conduct")).forEach(key -> doCheck(pi, key));
    assertThat(task(pi, "user_task_confirm_start")).as("one check still missing").isNull();
    doCheck(pi, "user_task_record_code_of_conduct");

    assertThat(pi).isWaitingAt("user_task_confirm_start");
    assertThat(trainingRecords()).isEmpty();
    complete(task(pi, "user_task_confirm_start"), withVariables("startDecision", "confirm",
        "startDecisionReason", "All checks satisfactory"));
    passTimeTo(day("2026-07-03"), pi.getId());

    assertThat(pi).hasPassed("end_event_cleared_to_start").isEnded();
    assertThat(trainingRecords()).singleElement().satisfies(record -> assertThat(record).variables()
        .containsEntry("staffMember", "wzhang").containsEntry("startDate", "2026-08-20"));
    assertThat(notifications.kinds()).doesNotContain("recruitment-checks-missing");
  }

  @Test
  void missingChecksAlertHrAndTheHeadWhoMaySignATimeLimitedRiskAssessmentThatRaisesATaskWhenItExpires() {
    ProcessInstance pi = recruiting();
    doCheck(pi, "user_task_check_identity");
    doCheck(pi, "user_task_record_interview");

    passTimeTo(day("2026-08-05"), pi.getId());
    assertThat(notifications.kinds()).doesNotContain("recruitment-checks-missing");
    passTimeTo(day("2026-08-06"), pi.getId());
    assertThat(sent("recruitment-checks-missing").recipientGroups()).containsExactly("hr", "head-of-school");
    assertThat(sent("recruitment-checks-missing").caseReference()).isEqualTo("Recruitment: Grade 3 teacher from 2026-08-20");
    Task assessment = task(pi, "user_task_risk_assessment");
    assertThat(assessment).hasCandidateGroup("head-of-school");

    assertThatThrownBy(() -> complete(assessment, withVariables("riskAssessmentDecision", "start-under-risk-assessment",
        "riskAssessmentExpiresOn", "2026-09-30", "riskAssessmentDecisionReason", "Certificate in the post")))
        .hasMessageContaining("riskAssessmentMeasures");
    assertThatThrownBy(() -> complete(assessment, withVariables("riskAssessmentDecision", "start-under-risk-assessment",
        "riskAssessmentMeasures", "Never alone with students", "riskAssessmentExpiresOn", "2026-12-31",
        "riskAssessmentDecisionReason", "Certificate in the post")))
        .hasMessageContaining("at most P42D");
    identities.setAuthenticatedUserId("head");
    complete(assessment, withVariables("riskAssessmentDecision", "start-under-risk-assessment",
        "riskAssessmentMeasures", "Never alone with students", "riskAssessmentExpiresOn", "2026-09-10",
        "riskAssessmentDecisionReason", "Canadian certificate in the post"));
    passTimeTo(day("2026-08-07"), pi.getId());
    assertThat(pi).variables().containsEntry("riskAssessmentSignedBy", "head").containsEntry("startConfirmed", true);
    assertThat(trainingRecords()).as("the person starts: their induction is due").hasSize(1);

    passTimeTo(day("2026-09-09"), pi.getId());
    assertThat(task(pi, "user_task_risk_assessment_expired")).isNull();
    passTimeTo(day("2026-09-10"), pi.getId());
    Task expired = task(pi, "user_task_risk_assessment_expired");
    assertThat(expired).hasCandidateGroup("head-of-school");
    complete(expired, withVariables("riskAssessmentDecision", "extend", "riskAssessmentMeasures",
        "Still supervised", "riskAssessmentExpiresOn", "2026-09-30", "riskAssessmentDecisionReason", "Chased"));
    assertThat(pi).isWaitingAt("timer_event_risk_assessment_expires");

    CHECKS.keySet().stream().filter(key -> task(pi, key) != null).forEach(key -> doCheck(pi, key));
    assertThat(pi).hasPassed("end_event_checks_complete_after_start").isEnded();
    assertThat(trainingRecords()).as("opened once").hasSize(1);
  }

  @Test
  void theHeadEndsAStartWhoseRiskAssessmentExpiredWhileACheckIsStillMissing() {
    ProcessInstance pi = recruiting();
    passTimeTo(day("2026-08-06"), pi.getId());
    complete(task(pi, "user_task_risk_assessment"), withVariables("riskAssessmentDecision",
        "start-under-risk-assessment", "riskAssessmentMeasures", "Supervised", "riskAssessmentExpiresOn", "2026-09-01",
        "riskAssessmentDecisionReason", "Urgent cover"));
    passTimeTo(day("2026-09-01"), pi.getId());
    complete(task(pi, "user_task_risk_assessment_expired"), withVariables("riskAssessmentDecision", "end-start",
        "riskAssessmentDecisionReason", "Certificate still missing"));
    assertThat(pi).hasPassed("end_event_start_ended").isEnded();
  }

  @Test
  void aStartThatWaitsIsConfirmedOnceTheChecksAreCompleteOrTheOfferWithdrawn() {
    ProcessInstance pi = recruiting();
    passTimeTo(day("2026-08-06"), pi.getId());
    complete(task(pi, "user_task_risk_assessment"), withVariables("riskAssessmentDecision", "start-waits",
        "riskAssessmentDecisionReason", "Not urgent"));
    assertThat(pi).hasPassed("end_event_start_waits");
    assertThat(trainingRecords()).isEmpty();

    CHECKS.keySet().forEach(key -> doCheck(pi, key));
    complete(task(pi, "user_task_confirm_start"), withVariables("startDecision", "withdraw",
        "startDecisionReason", "Reference raised concerns"));
    assertThat(pi).hasPassed("end_event_offer_withdrawn").isEnded();
    assertThat(trainingRecords()).isEmpty();
  }
}
