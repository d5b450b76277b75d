package com.caisschool.safeguarding.escalation;

import static com.caisschool.safeguarding.concern.ConcernTestData.MONDAY_10_40;
import static com.caisschool.safeguarding.concern.ConcernTestData.bruiseReport;
import static com.caisschool.safeguarding.concern.ConcernTestData.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import com.caisschool.safeguarding.testing.StubPathways;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * A late task tells the next roles in the school's escalation table, never the roles holding it:
 * both for a task that only has its due date (the escalation every task gets) and for a model's
 * own "overdue" step. The clock is moved; jobs are run by hand.
 */
@Deployment(resources = {
    "processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
    "forms/report-safeguarding-concern.form", "forms/immediate-action.form",
    "forms/concern-triage.form", "forms/authority-report.form",
    "forms/case-study-team-decision.form", "forms/further-discovery.form",
    "forms/contact-authorities.form", "forms/monitoring-review.form",
    "forms/no-action-sign-off.form", "forms/close-case.form", "forms/case-review.form",
    "forms/reporter-added-information.form"})
class LateTaskEscalationTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG).build();

  RecordedNotifications notifications;
  StubPathways pathways;

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    notifications = ProcessTestDelegates.register(processEngine);
    pathways = StubPathways.ofTheConcern(processEngine.getRepositoryService());
    ClockUtil.setCurrentTime(Date.from(MONDAY_10_40.toInstant()));
  }

  @AfterEach
  void tearDown() {
    pathways.undeploy();
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void immediateActionNotRecordedWithinTheHourIsEscalatedToTheHeadNotToTheCpoOrDeputy() {
    ProcessInstance pi = childInDanger();

    passTime(Duration.ofMinutes(59));
    assertThat(dueTimers(pi)).isZero();
    passTime(Duration.ofMinutes(2));
    execute(escalationTimer(pi));

    // The task is held by cpo and dcpo: the table names dcpo and the Head for the CPO, the CPO
    // and the Head for the deputy; the late roles themselves are left out.
    assertThat(sent(LateTaskEscalation.KIND).recipientGroups()).containsExactly("head-of-school");
    assertThat(sent(LateTaskEscalation.KIND).activityId()).isEqualTo("user_task_immediate_action");
    assertThat(task("user_task_immediate_action", pi)).isNotNull();
  }

  @Test
  void immediateActionRecordedInTimeIsNeverEscalated() {
    ProcessInstance pi = childInDanger();

    complete(task("user_task_immediate_action", pi), withVariables("emergencyActions", "Nurse, police called",
        "emergencyAgency", "local-police", "emergencyContactPerson", "Officer Zhang",
        "emergencyContactedAt", new Date(), "emergencyReference", "JK-2026-1123"));
    passTime(Duration.ofHours(2));

    assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("user_task_immediate_action").count()).isZero();
  }

  @Test
  void theModelsOwnTriageDeadlineStepTellsTheDeputyAndTheHeadButNotTheLateCpo() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("safeguarding-concern", bruiseReport());
    execute(job("service_task_alert_new_concern", pi));

    passTime(Duration.ofHours(24).plusMinutes(1));
    execute(job("boundary_timer_triage_deadline", pi));
    execute(job("service_task_alert_triage_overdue", pi));

    Notification alert = sent("triage-overdue");
    assertThat(alert.recipientGroups()).containsExactly("dcpo", "head-of-school");
    assertThat(alert.activityId()).isEqualTo("user_task_cpo_triage");
  }

  @Test
  void aModelAnAdministratorAddsGetsTheEscalationWithoutDrawingIt(ProcessEngine processEngine) {
    var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("added-duty").name("Added duty")
        .camundaHistoryTimeToLive(30)
        .startEvent().userTask("user_task_check").name("Check").camundaCandidateGroups("hr").camundaDueDate("P3D")
        .endEvent().done();
    var deployment = processEngine.getRepositoryService().createDeployment()
        .addModelInstance("added-duty.bpmn", model).deploy();
    try {
      ProcessInstance pi = runtimeService().startProcessInstanceByKey("added-duty",
          Map.of(com.caisschool.safeguarding.notification.AlertReference.VARIABLE, "Added duty 2026"));

      passTime(Duration.ofDays(3).plusMinutes(1));
      execute(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult());

      assertThat(sent(LateTaskEscalation.KIND).recipientGroups()).containsExactly("head-of-school", "cpo");
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private ProcessInstance childInDanger() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("safeguarding-concern",
        with(bruiseReport(), "immediateDanger", true));
    execute(job("service_task_alert_immediate_danger", pi));
    execute(job("service_task_alert_new_concern", pi));
    return pi;
  }

  private static Job escalationTimer(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("user_task_immediate_action").timers().singleResult();
  }

  private static long dueTimers(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).count();
  }

  private Notification sent(String kind) {
    return notifications.all().stream().filter(n -> n.kind().equals(kind)).reduce((a, b) -> {
      throw new AssertionError("more than one " + kind + " alert");
    }).orElseThrow(() -> new AssertionError("no " + kind + " alert in " + notifications.kinds()));
  }

  private static void passTime(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }
}
