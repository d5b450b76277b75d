package com.caisschool.safeguarding.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Task listener on completion: refuses to complete a user task while a field its Camunda Form
 * ({@code camunda:formRef}) requires is missing or holds an option the form does not offer, so the
 * rule holds for Tasklist and the REST API alike. The task stays open and the message names the field.
 */
public class FormCheck implements TaskListener {

  private final FormDefinitions forms;

  public FormCheck(FormDefinitions forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask userTask = (UserTask) task.getBpmnModelElementInstance();
    String formRef = userTask.getCamundaFormRef();
    if (formRef == null) {
      throw new IllegalStateException(userTask.getId() + " has no camunda:formRef to check against");
    }
    RequiredFieldCheck.check(forms.fields(task.getProcessDefinitionId(), formRef), task.getVariables());
  }
}
