package com.caisschool.safeguarding.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model, as its form says: a task cannot be completed, through Tasklist
 * or the REST API, while a field its form requires (a decision's rationale, for one) is empty.
 * Attached to all tasks through the engine's event bridge, so an edited model cannot drop it; a
 * model may also name {@code ${checkForm}} as a listener, which plain-engine tests then exercise.
 */
@Component
class RequiredFieldsOnCompletion {

  private final FormCheck formCheck;

  RequiredFieldsOnCompletion(FormCheck formCheck) {
    this.formCheck = formCheck;
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void onComplete(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask != null && userTask.getCamundaFormRef() != null) {
      formCheck.notify(task);
    }
  }
}
