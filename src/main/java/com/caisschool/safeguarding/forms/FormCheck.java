package com.caisschool.safeguarding.forms;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Task listener on completion: refuses to complete a user task while a field its Camunda Form
 * ({@code camunda:formRef}) requires is missing or holds an option the form does not offer, so the
 * rule holds for Tasklist and the REST API alike. The task stays open and the message names the field.
 * A checkbox the submission left out is "no", as Tasklist sends it, so the model's conditions on
 * it hold for REST submissions too.
 */
public class FormCheck implements TaskListener {

  private final Supplier<FormDefinitions> forms;

  public FormCheck(Supplier<FormDefinitions> forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask userTask = (UserTask) task.getBpmnModelElementInstance();
    String formRef = userTask.getCamundaFormRef();
    if (formRef == null) {
      throw new IllegalStateException(userTask.getId() + " has no camunda:formRef to check against");
    }
    List<FormField> fields = forms.get().fields(task.getProcessDefinitionId(), formRef);
    fields.stream().filter(field -> field.type().equals("checkbox") && !task.hasVariable(field.key()))
        .forEach(field -> task.getExecution().setVariable(field.key(), false));
    RequiredFieldCheck.check(fields, task.getVariables());
  }
}
