package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/** The fields of a user task's form (its {@code camunda:formRef}), in the form's order; none without one. */
@Component
class TaskFormFields {

  private final FormDefinitions forms;

  TaskFormFields(FormDefinitions forms) {
    this.forms = forms;
  }

  List<FormField> of(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    return userTask == null || userTask.getCamundaFormRef() == null ? List.of()
        : forms.fields(task.getProcessDefinitionId(), userTask.getCamundaFormRef());
  }
}
