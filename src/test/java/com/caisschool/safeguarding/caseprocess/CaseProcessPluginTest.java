package com.caisschool.safeguarding.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case-process convention on a model that is not one of the school's: what a process gets by
 * declaring {@code case = true}, and what every process gets without it.
 */
class CaseProcessPluginTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG).build();

  private final List<String> deployments = new ArrayList<>();
  private ProcessEngine processEngine;

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> processEngine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void aProcessThatDeclaresItselfACaseIsOpenedAsOneFromItsStartForm() {
    deploy(model("test-case", true));

    assertThatThrownBy(() -> start("test-case", Map.of("caseReviewWanted", true)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(outcomeSummary)");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count())
        .as("a refused report starts nothing").isZero();

    ProcessInstance pi = start("test-case", Map.of("outcomeSummary", "Something to record", "parentsInformed", "yes"));
    assertThat(pi.getBusinessKey()).matches("SC-\\d{4}-[A-Z2-9]{6}");
    Map<String, Object> variables = processEngine.getRuntimeService().getVariables(pi.getId());
    assertThat(variables).containsEntry("caseReference", pi.getBusinessKey())
        .containsEntry("caseReviewWanted", false).containsEntry("reportedLate", false)
        .containsKeys("reportedAt", "authorityOptions");
  }

  @Test
  void aProcessWithoutTheDeclarationIsNotACase() {
    deploy(model("test-duty", false));

    ProcessInstance pi = start("test-duty", Map.of("outcomeSummary", "Something to record", "parentsInformed", "yes"));

    assertThat(pi.getBusinessKey()).isNull();
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .doesNotContainKeys("caseReference", "reportedAt", "reportedLate");
  }

  @Test
  void everyProcessHasItsTaskFormsCheckedOnCompletionCaseOrNot() {
    deploy(model("test-duty", false));
    ProcessInstance pi = start("test-duty", Map.of("outcomeSummary", "Planned", "parentsInformed", "yes"));
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .singleResult().getId();

    assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId, Map.of("caseReviewWanted", true)))
        .hasMessageContaining("Required field missing: ").hasMessageContaining("(outcomeSummary)");
    processEngine.getTaskService().complete(taskId, Map.of("outcomeSummary", "Done", "parentsInformed", "yes"));
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isZero();
  }

  /**
   * The start form's check writes back only what it changed (issue 25): a value it left as it came
   * is written once, a checkbox left out once as "no", a date read in school time once as a date.
   */
  @Test
  void aReportsValuesAreWrittenOnceUnlessTheCheckChangesThem() {
    deploy(model("test-case", true));

    ProcessInstance pi = start("test-case", Map.of("outcomeSummary", "Something to record", "parentsInformed", "yes"));

    Map<String, Long> writes = processEngine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(pi.getId()).variableUpdates().list().stream()
        .collect(Collectors.groupingBy(detail -> ((HistoricVariableUpdate) detail).getVariableName(),
            Collectors.counting()));
    assertThat(writes).containsEntry("outcomeSummary", 1L).containsEntry("parentsInformed", 1L)
        .containsEntry("caseReviewWanted", 1L);
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .containsEntry("outcomeSummary", "Something to record").containsEntry("caseReviewWanted", false);
  }

  private ProcessInstance start(String key, Map<String, Object> variables) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(key, variables);
  }

  /** Start form and task form: the close-case form (outcome summary required, review wanted a checkbox). */
  private static BpmnModelInstance model(String key, boolean declaredACase) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("start").camundaFormRef("close-case").camundaFormRefBinding("deployment")
        .userTask("user_task_record").camundaFormRef("close-case").camundaFormRefBinding("deployment")
        .endEvent().done();
    if (declaredACase) {
      Process process = model.getModelElementById(key);
      CamundaProperty property = model.newInstance(CamundaProperty.class);
      property.setCamundaName(CaseDeclaration.PROPERTY);
      property.setCamundaValue("true");
      process.builder().addExtensionElement(model.newInstance(CamundaProperties.class));
      process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).singleResult()
          .getCamundaProperties().add(property);
    }
    return model;
  }

  private void deploy(BpmnModelInstance model) {
    deployments.add(processEngine.getRepositoryService().createDeployment()
        .addModelInstance("test.bpmn", model).addClasspathResource("forms/close-case.form").deploy().getId());
  }
}
