package com.caisschool.safeguarding.caseprocess;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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

  /**
   * Whether the process the execution runs in is a case process. Asked at every step of every
   * process (the case file's and case access's event listeners): answered once per deployed model
   * and process definition, as a deployed model never changes (issue 25: walking the model at each
   * event cost a measurable share of a step).
   */
  public static boolean isCase(DelegateExecution execution) {
    BpmnModelInstance model = execution.getBpmnModelInstance();
    if (model == null) {
      return false;
    }
    Map<String, Boolean> byDefinition;
    synchronized (CASES_BY_MODEL) {
      byDefinition = CASES_BY_MODEL.computeIfAbsent(model, any -> new ConcurrentHashMap<>());
    }
    return byDefinition.computeIfAbsent(execution.getProcessDefinitionId(), any -> isCase(processOf(execution)));
  }

  /** Per deployed model (held while the engine's deployment cache holds it): per definition id, whether it is a case. */
  private static final Map<BpmnModelInstance, Map<String, Boolean>> CASES_BY_MODEL = new WeakHashMap<>();

  /**
   * The Process element of the model the execution runs (its id is the process key). Asked as
   * every task of a case is created and as a case opens and closes: found once per deployed model
   * and definition (issue 25: each lookup walked the model's whole document). Held weakly: the
   * model holds its elements, and the model is held only while the engine's deployment cache holds it.
   */
  public static Process processOf(DelegateExecution execution) {
    BpmnModelInstance model = execution.getBpmnModelInstance();
    if (model == null) {
      return null;
    }
    Map<String, WeakReference<Process>> byDefinition;
    synchronized (PROCESSES_BY_MODEL) {
      byDefinition = PROCESSES_BY_MODEL.computeIfAbsent(model, any -> new ConcurrentHashMap<>());
    }
    String definitionId = execution.getProcessDefinitionId();
    WeakReference<Process> known = byDefinition.get(definitionId);
    Process process = known == null ? null : known.get();
    if (process == null) {
      process = find(model, definitionId);
      if (process != null) {
        byDefinition.put(definitionId, new WeakReference<>(process));
      }
    }
    return process;
  }

  private static final Map<BpmnModelInstance, Map<String, WeakReference<Process>>> PROCESSES_BY_MODEL =
      new WeakHashMap<>();

  private static Process find(BpmnModelInstance model, String definitionId) {
    var processes = model.getModelElementsByType(Process.class);
    if (processes.size() == 1) {
      return processes.iterator().next();
    }
    return (Process) model.getModelElementById(definitionId.split(":")[0]);
  }
}
