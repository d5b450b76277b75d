package com.caisschool.safeguarding.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cases that were already running on version 1 of the models (before the case-process plugin) when
 * the school upgraded: they wait at a task of version 1 and must be completed on the new code.
 * {@code src/test/resources/models-v1/} holds the version-1 models as they were deployed.
 */
class CasesOnAnEarlierModelVersionTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG).build();

  private RepositoryService repositoryService;
  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    ProcessTestDelegates.register(processEngine);
    repositoryService = processEngine.getRepositoryService();
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    Mocks.reset();
  }

  @Test
  void aConcernWaitingAtTriageOnVersionOneIsClosedOnTheNewCode() {
    ProcessDefinition versionOne = deploy("models-v1/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
        "forms/concern-triage.form", "forms/close-case.form", "forms/report-safeguarding-concern.form");
    deploy("processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
        "forms/concern-triage.form", "forms/close-case.form", "forms/report-safeguarding-concern.form");
    assertThat(latestVersion("safeguarding-concern")).isGreaterThan(versionOne.getVersion());

    ProcessInstance pi = waitingOnVersionOne(versionOne, "user_task_cpo_triage", "safeguarding-concern",
        Map.of("triageDeadline", "PT24H", "priority", "standard"));

    assertThatThrownBy(() -> complete(task(pi), withVariables("triageDecision", "close")))
        .as("version 1's tasks keep their forms' rules").hasMessageContaining("Required field missing");
    complete(task(pi), withVariables("initialFacts", "Class teacher confirms", "authorityReportDue", "no",
        "triageDecision", "close", "triageRationale", "Accident witnessed by two staff"));
    // (Today's close-case form is deployed with version 1 here: it asks whether the parents are informed.)
    complete(task(pi), withVariables("outcomeSummary", "Accidental injury", "caseReviewWanted", false,
        "parentsInformed", "yes"));

    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(pi.getProcessDefinitionId()).isEqualTo(versionOne.getId());
  }

  @Test
  void aSelfHarmCaseOnVersionOneStillFindsTheFormCheckItsTasksName() {
    ProcessDefinition versionOne = deploy("models-v1/self-harm-response.bpmn", "forms/self-harm-report.form",
        "forms/self-harm-risk-assessment.form");
    ProcessInstance pi = waitingOnVersionOne(versionOne, "user_task_risk_assessment", "self-harm-response", Map.of());

    assertThatThrownBy(() -> complete(task("user_task_risk_assessment", pi), withVariables("riskLevel", "low")))
        .hasMessageContaining("riskAssessmentSummary");
    complete(task("user_task_risk_assessment", pi), withVariables("riskLevel", "low",
        "riskAssessmentSummary", "Assessed with the school's screening tool", "parentAbuseSuspected", "no",
        "parentAbuseReason", "Nothing points to it"));
    BpmnAwareTests.assertThat(pi).hasPassed("user_task_risk_assessment");
  }

  /** A case as version 1 left it after its own opening steps: reference, deadlines, waiting at a task. */
  private ProcessInstance waitingOnVersionOne(ProcessDefinition versionOne, String taskId, String processKey,
      Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(
        ProcessTestDelegates.applicationProperties().processDefaults().get(processKey));
    variables.putAll(more);
    variables.put("caseReference", "SC-2026-OLDV1X");
    variables.put("childName", "Test Child");
    return BpmnAwareTests.runtimeService().createProcessInstanceById(versionOne.getId())
        .businessKey("SC-2026-OLDV1X").startBeforeActivity(taskId).setVariables(variables).execute();
  }

  private ProcessDefinition deploy(String model, String... resources) {
    DeploymentBuilder deployment = repositoryService.createDeployment().addClasspathResource(model);
    for (String resource : resources) {
      deployment.addClasspathResource(resource);
    }
    String id = deployment.deploy().getId();
    deployments.add(id);
    return repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult();
  }

  private int latestVersion(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }
}
