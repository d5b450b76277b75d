package com.caisschool.safeguarding.casework;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Task listener on completion ({@code ${secondPerson}}) of a sign-off: refuses it when the person
 * completing it also completed the decision it signs off, so that decision always has two people.
 * The model names the decision's task in the property {@value #DECISION_PROPERTY}; who completed it
 * is read from the engine's operation log (and the task's assignee), not from a case variable that
 * a submission could set.
 */
public class SecondPersonCheck implements TaskListener {

  static final String DECISION_PROPERTY = "secondPersonAfter";

  @Override
  public void notify(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return; // the engine itself, not a person: there is nobody to compare
    }
    String decisionTask = decisionTaskOf((UserTask) task.getBpmnModelElementInstance());
    if (deciders(task, decisionTask).contains(authentication.getUserId())) {
      throw new BadUserRequestException("A second person must sign this off: you made the decision it"
          + " signs off (" + decisionTask + "), so someone else in the group must complete it");
    }
  }

  private static String decisionTaskOf(UserTask userTask) {
    return userTask.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> DECISION_PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(userTask.getId() + " names no " + DECISION_PROPERTY));
  }

  private static Set<String> deciders(DelegateTask task, String decisionTask) {
    HistoryService history = task.getProcessEngineServices().getHistoryService();
    Set<String> deciders = new HashSet<>();
    for (HistoricTaskInstance decision : history.createHistoricTaskInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(decisionTask).finished().list()) {
      if (decision.getAssignee() != null) {
        deciders.add(decision.getAssignee());
      }
      history.createUserOperationLogQuery().taskId(decision.getId())
          .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
          .forEach(entry -> deciders.add(entry.getUserId()));
    }
    deciders.remove(null);
    return deciders;
  }
}
