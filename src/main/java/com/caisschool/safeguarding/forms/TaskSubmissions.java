package com.caisschool.safeguarding.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.Spin;

/**
 * Applies the {@link FormContract} of a task's form to the variables one completion submits,
 * before the engine sets any of them: what the request sent is then known exactly, and what the
 * case held before (a previous round's answers) is only what the form shows, never an answer.
 */
public final class TaskSubmissions {

  /** Stands for a value that is not plain data (a serialized Java object): no field accepts it. */
  private static final Object NOT_PLAIN_DATA = new Object();

  private final Supplier<FormDefinitions> forms;
  private final Supplier<FormContract> contract;

  public TaskSubmissions(Supplier<FormDefinitions> forms, Supplier<FormContract> contract) {
    this.forms = forms;
    this.contract = contract;
  }

  /**
   * Checks the submission of task {@code taskId}; returns the variables to set: those submitted,
   * with the checkboxes left out as "no". Only someone allowed to work on the task hears about its form.
   */
  Map<String, Object> checked(CommandContext commandContext, String taskId, Map<String, Object> submitted,
      Runnable workChecked) {
    Map<String, Object> leftOut = check(commandContext, taskId, submitted, workChecked);
    return leftOut.isEmpty() ? submitted : withLeftOut(submitted, leftOut);
  }

  private Map<String, Object> check(CommandContext commandContext, String taskId, Map<String, Object> submitted,
      Runnable workChecked) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return Map.of(); // unknown task (the engine answers), or a task outside any process
    }
    for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    workChecked.run();
    UserTask userTask = task.getBpmnModelElementInstance();
    String formRef = userTask == null ? null : userTask.getCamundaFormRef();
    if (formRef == null) {
      return Map.of();
    }
    List<FormField> fields = forms.get().fields(task.getProcessDefinitionId(), formRef);
    return contract.get().check(formRef, fields, plain(submitted),
        FormContract.valuesOf(task, FormContract.variablesRead(fields)), true);
  }


  /** The submitted values as the form's rules read them: typed REST values unwrapped. */
  static Map<String, Object> plain(Map<String, Object> submitted) {
    Map<String, Object> values = new HashMap<>();
    if (submitted != null) {
      VariableMap typedValues = Variables.fromMap(submitted);
      for (String name : typedValues.keySet()) {
        values.put(name, plainValue(typedValues.getValueTyped(name)));
      }
    }
    return values;
  }

  /**
   * One value as plain data: JSON (a checklist) as a JSON node, read here so that text that is not
   * JSON is refused by the field's rules, not by the engine later; any other serialized object
   * (Java, XML) as a value no field accepts.
   */
  static Object plainValue(TypedValue typed) {
    if (!(typed instanceof SerializableValue serialized) || serialized.isDeserialized()) {
      return typed == null ? null : typed.getValue();
    }
    if (!"json".equals(typed.getType().getName()) || serialized.getValueSerialized() == null) {
      return NOT_PLAIN_DATA;
    }
    try {
      return Spin.JSON(serialized.getValueSerialized());
    } catch (RuntimeException notJson) {
      return NOT_PLAIN_DATA;
    }
  }

  /** The submitted variables, with the checkboxes left out added as "no". */
  private static VariableMap withLeftOut(Map<String, Object> submitted, Map<String, Object> leftOut) {
    VariableMap all = Variables.createVariables();
    all.putAll(leftOut);
    if (submitted != null) {
      all.putAll(Variables.fromMap(submitted));
    }
    return all;
  }
}
