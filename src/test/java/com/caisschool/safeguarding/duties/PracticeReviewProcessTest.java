package com.caisschool.safeguarding.duties;

import static com.caisschool.safeguarding.duties.DutyProcessFixture.clockAt;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.passTimeTo;
import static com.caisschool.safeguarding.duties.DutyProcessFixture.schoolDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The yearly review of practice ({@code processes/practice-review.bpmn}) on the plain engine. */
@Deployment(resources = {"processes/practice-review.bpmn", "forms/practice-review-schedule.form",
    "forms/practice-review.form", "forms/practice-review-approval.form"})
class PracticeReviewProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
      .builder(ProcessTestDelegates.ENGINE_CONFIG).assertClassCoverageAtLeast(0.9).build();

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    ProcessTestDelegates.register(engine);
    clockAt(schoolDay("2026-06-01"));
  }

  @AfterEach
  void tearDown() {
    runtimeService().createProcessInstanceQuery().list()
        .forEach(pi -> runtimeService().deleteProcessInstance(pi.getId(), "test over"));
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void onTheReviewDateTheCpoRecordsLessonsTheSmtApprovesAndNextYearIsScheduled() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("practice-review", Map.of("reviewDate", "2026-07-01"));
    assertThat(pi).isWaitingAt("timer_event_review_date");
    passTimeTo(schoolDay("2026-06-30"), pi.getId());
    assertThat(pi).isWaitingAt("timer_event_review_date");
    passTimeTo(schoolDay("2026-07-01"), pi.getId());

    assertThat(task(pi)).hasDefinitionKey("user_task_review_practice").hasCandidateGroup("cpo");
    complete(task(pi), withVariables("lessonsLearned", "Triage late in exam weeks",
        "improvementActions", "Deputy covers triage in exam weeks - CPO - by September"));
    assertThat(task(pi)).hasDefinitionKey("user_task_smt_approval").hasCandidateGroup("smt");
    assertThatThrownBy(() -> complete(task(pi), withVariables("smtDecision", "approve")))
        .hasMessageContaining("smtDecisionReason");
    complete(task(pi), withVariables("smtDecision", "return", "smtDecisionReason", "Name an owner for each action"));
    assertThat(task(pi)).hasDefinitionKey("user_task_review_practice");
    complete(task(pi), withVariables("lessonsLearned", "Triage late in exam weeks",
        "improvementActions", "Deputy covers triage - Dana - by 1 September"));
    complete(task(pi), withVariables("smtDecision", "approve", "smtDecisionReason", "Agreed"));

    assertThat(pi).isEnded();
    ProcessInstance next = runtimeService().createProcessInstanceQuery().processDefinitionKey("practice-review").singleResult();
    assertThat(next).isWaitingAt("timer_event_review_date").variables()
        .containsEntry("reviewDate", "2027-07-01").containsEntry("dutyReference", "Practice review 2027");
  }
}
