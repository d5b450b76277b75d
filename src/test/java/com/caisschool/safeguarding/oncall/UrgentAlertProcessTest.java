package com.caisschool.safeguarding.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The urgent-alert model ({@code processes/urgent-alert.bpmn}) on the plain engine with the configured
 * acknowledgement time: the rota is walked person by person until someone acknowledges, the escalation
 * table is told when nobody is left, and a channel that keeps failing is retried and then shows as an
 * incident while the acknowledgement waits. The rota and the two channels are stand-ins here (a list of
 * people, recorded posts); the real rota, robot and SMS gateway are exercised end to end by
 * {@link UrgentAlertTest} and {@link OnCallChannelsTest}.
 */
@Deployment(resources = {"processes/urgent-alert.bpmn", "forms/urgent-alert-acknowledge.form"})
class UrgentAlertProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.95).build();

  private static final Duration ACKNOWLEDGE_WITHIN = Duration.parse(
      ProcessTestDelegates.applicationProperties().processDefaults().get("urgent-alert").get("acknowledgeWithin").toString());

  private final List<String> rota = List.of("cpo", "deputy");
  private final List<String> posts = new ArrayList<>();
  private boolean robotDown;
  private RecordedNotifications notifications;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    // the rota of the night: the first person on it not alerted yet for this alert
    Mocks.register("nextOnCall", (JavaDelegate) execution -> {
      List<String> alerted = new ArrayList<>(NextOnCall.alertedSoFar(execution));
      String next = rota.stream().filter(person -> !alerted.contains(person)).findFirst().orElse(null);
      if (next != null) {
        alerted.add(next);
      }
      execution.setVariable(NextOnCall.PERSON, next);
      execution.setVariable(NextOnCall.ALERTED, String.join(",", alerted));
    });
    Mocks.register("onCallRobot", (JavaDelegate) execution -> {
      if (robotDown) {
        throw new IllegalStateException("robot answered HTTP 503");
      }
      posts.add("robot:" + execution.getVariable(NextOnCall.PERSON));
    });
    Mocks.register("onCallSms", (JavaDelegate) execution -> posts.add("sms:" + execution.getVariable(NextOnCall.PERSON)));
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void tearDown() {
    ProcessTestDelegates.endTest(processEngine());
  }

  private ProcessInstance urgentAlert() {
    return runtimeService().startProcessInstanceByKey(UrgentAlerts.PROCESS_KEY, "SC-2026-URG001", Map.of(
        "caseReference", "SC-2026-URG001", "alertKind", "immediate-danger", "dutyDate", "2026-03-07",
        NextOnCall.ALERTED, ""));
  }

  private Job job(ProcessInstance pi, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private void run(ProcessInstance pi, String activityId) {
    managementService().executeJob(job(pi, activityId).getId());
  }

  /** The next person is found and alerted by both channels. */
  private void alertNextPerson(ProcessInstance pi) {
    run(pi, "service_task_find_on_call");
    run(pi, "service_task_post_to_robot");
    run(pi, "service_task_send_sms");
  }

  private void letTheAcknowledgementTimeRunOut(ProcessInstance pi) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + ACKNOWLEDGE_WITHIN.toMillis() + 1000));
    run(pi, "boundary_timer_not_acknowledged");
  }

  @Test
  void theFirstPersonOnCallIsAlertedByRobotAndTextAndAcknowledges() {
    ProcessInstance pi = urgentAlert();
    alertNextPerson(pi);

    assertThat(posts).containsExactly("robot:cpo", "sms:cpo");
    assertThat(pi).hasPassed("service_task_post_to_robot", "service_task_send_sms")
        .isWaitingAt("user_task_acknowledge_urgent_alert");
    assertThat(task(pi)).isAssignedTo("cpo");
    complete(task(pi), withVariables("urgentAlertAcknowledged", true));
    assertThat(pi).isEnded().hasPassed("end_event_acknowledged").hasNotPassed("service_task_escalate_unacknowledged");
  }

  @Test
  void whoDoesNotAcknowledgeInTimeIsPassedOverAndWhenNobodyIsLeftTheEscalationTableIsTold() {
    ProcessInstance pi = urgentAlert();
    alertNextPerson(pi);
    letTheAcknowledgementTimeRunOut(pi);
    alertNextPerson(pi);
    assertThat(task(pi)).isAssignedTo("deputy");
    assertThat(posts).containsExactly("robot:cpo", "sms:cpo", "robot:deputy", "sms:deputy");

    letTheAcknowledgementTimeRunOut(pi);
    run(pi, "service_task_find_on_call");
    assertThat(pi).isWaitingAt("service_task_escalate_unacknowledged");
    assertThat(notifications.kinds()).isEmpty();
    run(pi, "service_task_escalate_unacknowledged");

    assertThat(notifications.kinds()).containsExactly("urgent-alert-unacknowledged");
    assertThat(notifications.all().get(0).recipientGroups()).isNotEmpty();
    assertThat(pi).isEnded().hasPassed("service_task_escalate_unacknowledged").hasNotPassed("end_event_acknowledged");
  }

  @Test
  void aRobotThatKeepsFailingIsRetriedThenAnIncidentWhileTheTextGoesAndTheAcknowledgementWaits() {
    robotDown = true;
    ProcessInstance pi = urgentAlert();
    run(pi, "service_task_find_on_call");
    run(pi, "service_task_send_sms");
    String robotJob = job(pi, "service_task_post_to_robot").getId();
    int attempts = 0;
    while (managementService().createJobQuery().jobId(robotJob).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService().executeJob(robotJob)).hasMessageContaining("HTTP 503");
      attempts++;
    }

    assertThat(attempts).as("the retries of the model's R5/PT1M").isEqualTo(5);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getActivityId())
        .isEqualTo("service_task_post_to_robot");
    assertThat(posts).containsExactly("sms:cpo");
    assertThat(pi).isWaitingAt("user_task_acknowledge_urgent_alert");

    robotDown = false;
    managementService().setJobRetries(robotJob, 1);
    managementService().executeJob(robotJob);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(pi).hasPassed("service_task_post_to_robot");
    complete(task(pi), withVariables("urgentAlertAcknowledged", true));
    assertThat(pi).isEnded();
  }
}
