package com.caisschool.safeguarding.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Whether a process is a case: its model declares {@code <camunda:property name="case"
 * value="true"/>} on the process. Only cases get a case file; a process that is not about a child
 * (an annual policy review, a training record) declares nothing and is left alone.
 */
public final class CaseProcesses {

  public static final String PROPERTY = "case";

  private CaseProcesses() {}

  /** Read from the model the execution runs (the engine caches it with the deployment). */
  public static boolean isCaseProcess(DelegateExecution execution) {
    if (!(execution.getBpmnModelInstance().getModelElementById(processKey(execution)) instanceof Process process)) {
      return false;
    }
    ExtensionElements extensions = process.getExtensionElements();
    if (extensions == null) {
      return false;
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .anyMatch(property -> PROPERTY.equals(property.getCamundaName())
            && "true".equalsIgnoreCase(trimmed(property)));
  }

  /** The process's key, which is also the id of its Process element in the model. */
  static String processKey(DelegateExecution execution) {
    return execution.getProcessDefinitionId().split(":")[0];
  }

  private static String trimmed(CamundaProperty property) {
    return property.getCamundaValue() == null ? "" : property.getCamundaValue().trim();
  }
}
