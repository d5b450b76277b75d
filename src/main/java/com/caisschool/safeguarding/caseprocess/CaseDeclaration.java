package com.caisschool.safeguarding.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A process is a case process when its model says so, with the process-level extension property
 * {@code case = true} (Camunda Modeler: the process's Extensions → Properties). Only case
 * processes are opened as cases and have a case file; a policy review or a training record is not.
 */
public final class CaseDeclaration {

  public static final String PROPERTY = "case";
  /** On a start event without a form of its own: the form whose rules a report arriving there meets. */
  public static final String START_FORM_PROPERTY = "startForm";

  private CaseDeclaration() {}

  public static boolean isCase(Process process) {
    return process != null && "true".equalsIgnoreCase(property(process, PROPERTY));
  }

  /** The form a report arriving at this start event is checked against, or null. */
  static String startFormOf(StartEvent start) {
    return start.getCamundaFormRef() != null ? start.getCamundaFormRef() : property(start, START_FORM_PROPERTY);
  }

  private static String property(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
        .stream().flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
  }

  /** Whether the process the execution runs in is a case process. */
  public static boolean isCase(DelegateExecution execution) {
    return isCase(processOf(execution));
  }

  /** The Process element of the model the execution runs (its id is the process key). */
  public static Process processOf(DelegateExecution execution) {
    if (execution.getBpmnModelInstance() == null) {
      return null;
    }
    var processes = execution.getBpmnModelInstance().getModelElementsByType(Process.class);
    if (processes.size() == 1) {
      return processes.iterator().next();
    }
    return (Process) execution.getBpmnModelInstance()
        .getModelElementById(execution.getProcessDefinitionId().split(":")[0]);
  }
}
