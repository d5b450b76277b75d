package com.caisschool.safeguarding.caseprocess;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Applies the case-process convention while a model is deployed. In every process: a start is
 * checked against its start form (the form contract), the school's deadlines are copied in as a
 * start event ends, and every user task with a Camunda Form completes only through the form
 * contract. In a process that declares {@code case = true}: every start event then opens the case,
 * and each of its user tasks describes the case's task card as it is created ({@link TaskCard}).
 * They are added as built-in listeners, so a model cannot leave them out and "skip custom
 * listeners" does not skip them.
 */
final class CaseProcessParseListener extends AbstractBpmnParseListener {

  private static final Set<String> START_EVENTS = Set.of(ActivityTypes.START_EVENT,
      ActivityTypes.START_EVENT_MESSAGE, ActivityTypes.START_EVENT_SIGNAL, ActivityTypes.START_EVENT_TIMER,
      ActivityTypes.START_EVENT_CONDITIONAL);

  private final ExecutionListener startFormContract;
  private final ExecutionListener processDefaults;
  private final ExecutionListener caseOpening;
  private final TaskListener formCheck;
  private final TaskListener taskCard;

  CaseProcessParseListener(ExecutionListener startFormContract, ExecutionListener processDefaults,
      ExecutionListener caseOpening, TaskListener formCheck, TaskListener taskCard) {
    this.startFormContract = startFormContract;
    this.processDefaults = processDefaults;
    this.caseOpening = caseOpening;
    this.formCheck = formCheck;
    this.taskCard = taskCard;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    boolean isCase = declaresCase(processElement);
    for (ActivityImpl activity : processDefinition.getActivities()) {
      if (START_EVENTS.contains((String) activity.getProperty("type"))) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, startFormContract);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, processDefaults);
        if (isCase) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseOpening);
        }
      }
    }
    if (isCase) {
      describeCards(processDefinition.getActivities());
    }
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, formCheck);
    }
  }

  /** Every user task of a case, in sub-processes too, describes its card as it is created (TaskCard). */
  private void describeCards(List<ActivityImpl> activities) {
    for (ActivityImpl activity : activities) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskCard);
      }
      describeCards(activity.getActivities());
    }
  }

  /** {@code <camunda:property name="case" value="true"/>} among the process's extension properties. */
  private static boolean declaresCase(Element processElement) {
    Element extensions = processElement.element("extensionElements");
    if (extensions == null) {
      return false;
    }
    return extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties").stream()
        .flatMap(properties -> properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream())
        .anyMatch(property -> CaseDeclaration.PROPERTY.equals(property.attribute("name"))
            && "true".equalsIgnoreCase(property.attribute("value")));
  }
}
