package com.caisschool.safeguarding.casework;

import com.caisschool.safeguarding.security.SystemAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;

/**
 * Behind a message throw event: starts the process whose start event waits for that message, in
 * the same transaction (so its first tasks exist as soon as the report is in), under the same case
 * reference (a new one when the sender is not a case). It hands over exactly the input parameters the model gives the throw event.
 */
public class LinkedProcessStarter implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ThrowEvent event = (ThrowEvent) execution.getBpmnModelElementInstance();
    String messageName = event.getEventDefinitions().stream()
        .filter(MessageEventDefinition.class::isInstance)
        .map(definition -> ((MessageEventDefinition) definition).getMessage().getName())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(event.getId() + " has no message to send"));
    // The model starts the pathway, not the person whose task led here: no rights of theirs needed.
    var services = execution.getProcessEngineServices();
    // A standing duty (a school trip) has no case reference: the new case then gets its own.
    String caseReference = execution.getProcessBusinessKey();
    SystemAccess.run(services.getIdentityService(), () -> services.getRuntimeService()
        .createMessageCorrelation(messageName)
        .processInstanceBusinessKey(caseReference == null ? "" : caseReference)
        .setVariables(execution.getVariablesLocal())
        .setVariable("parentCaseProcessInstanceId", execution.getProcessInstanceId())
        .correlateStartMessage());
  }
}
