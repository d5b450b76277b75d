package com.caisschool.safeguarding.forms;

import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The engine's form service: a task form submitted (Tasklist, REST {@code /submit-form}) completes
 * the task only through the form contract, as {@link ContractTaskService} explains.
 */
public class ContractFormService extends FormServiceImpl {

  private final TaskSubmissions submissions;

  public ContractFormService(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    submitTaskForm(taskId, (Map) properties);
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    commandExecutor.execute(new CheckedSubmission(submissions, taskId, properties, false, false));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return commandExecutor.execute(new CheckedSubmission(submissions, taskId, properties, true, deserializeValues));
  }

  /** A task form submission whose variables were checked against the task's form. */
  static final class CheckedSubmission extends SubmitTaskFormCmd implements ContractChecked {

    private final transient TaskSubmissions submissions;

    CheckedSubmission(TaskSubmissions submissions, String taskId, Map<String, Object> properties,
        boolean returnVariables, boolean deserializeValues) {
      super(taskId, properties, returnVariables, deserializeValues);
      this.submissions = submissions;
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      properties = Variables.fromMap(submissions.checked(commandContext, taskId, properties));
      return super.execute(commandContext);
    }

    @Override
    public String checkedTaskId() {
      return taskId;
    }
  }
}
