package com.caisschool.safeguarding.concern;

import static com.caisschool.safeguarding.concern.ConcernTestData.MONDAY_10_40;
import static com.caisschool.safeguarding.concern.ConcernTestData.bruiseReport;
import static com.caisschool.safeguarding.concern.ConcernTestData.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.StubPathways;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The triage task as the CPO meets it in Tasklist: due exactly when its deadline timer fires (the
 * deadline from processes/concern-triage.dmn is held once, in the variable both use), followed up
 * halfway, urgent cases first, and described by case reference, never by the child's name.
 */
@Deployment(resources = {
    "processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
    "forms/report-safeguarding-concern.form", "forms/immediate-action.form",
    "forms/concern-triage.form", "forms/authority-report.form",
    "forms/case-study-team-decision.form", "forms/further-discovery.form",
    "forms/contact-authorities.form", "forms/monitoring-review.form",
    "forms/no-action-sign-off.form", "forms/close-case.form", "forms/case-review.form"})
class TaskDeadlinesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource(ProcessTestDelegates.ENGINE_CONFIG).build();

  StubPathways pathways;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    ProcessTestDelegates.register(engine);
    pathways = new StubPathways(engine.getRepositoryService())
        .deploy("self-harm-response", "SelfHarmReported")
        .deploy("allegation-against-adult", "AllegationAgainstAdultReported")
        .deploy("bullying-incident", "BullyingReported");
    ClockUtil.setCurrentTime(Date.from(MONDAY_10_40.toInstant()));
  }

  @AfterEach
  void tearDown() {
    pathways.undeploy();
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void standardTriageIsDueWhenItsTimerFiresAndFollowedUpHalfway() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("safeguarding-concern", bruiseReport());
    Task triage = triage(pi);
    Date timerFires = timer(pi).getDuedate();

    assertThat(triage.getDueDate()).isEqualTo(timerFires);
    // Standard priority: 24 hours (concern-triage.dmn), so the reminder comes after 12.
    assertThat(Duration.between(MONDAY_10_40.toInstant(), triage.getDueDate().toInstant())).isEqualTo(Duration.ofHours(24));
    assertThat(Duration.between(MONDAY_10_40.toInstant(), triage.getFollowUpDate().toInstant())).isEqualTo(Duration.ofHours(12));
    assertThat(triage.getPriority()).isEqualTo(50);
    assertThat(triage.getDescription()).startsWith("Case " + pi.getBusinessKey() + ": ")
        .doesNotContain("Okafor").doesNotContain("Lina");
    assertThat(triage.getName()).doesNotContain("Okafor");
  }

  @Test
  void criticalTriageComesFirstWithTheShortDeadline() {
    Map<String, Object> report = with(bruiseReport(), "categories", "child-sexual-exploitation");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("safeguarding-concern", report);
    Task triage = triage(pi);

    assertThat(triage.getDueDate()).isEqualTo(timer(pi).getDuedate());
    assertThat(Duration.between(MONDAY_10_40.toInstant(), triage.getDueDate().toInstant())).isEqualTo(Duration.ofHours(1));
    assertThat(triage.getPriority()).as("listed under Urgent (90 and more)").isEqualTo(100);
  }

  private static Task triage(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("user_task_cpo_triage").singleResult();
  }

  private static Job timer(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("boundary_timer_triage_deadline").singleResult();
  }
}
