package com.caisschool.safeguarding.forms;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, completing every task through the form contract.
 *
 * <p>Why here: a task listener on "complete" runs after the engine has already set the submitted
 * variables, so it cannot tell this request's answers from a previous round's, and Camunda keeps no
 * record of which variables a completion set. The service is where the submitted map is still
 * whole; the check runs inside the completion's own command (same transaction, same authorization),
 * and {@link FormCheck} on every task's "complete" refuses a completion that did not come this way.
 * Tasklist and the REST API call this service ({@code /complete}); {@code /submit-form} goes
 * through {@link ContractFormService}.
 */
public class ContractTaskService extends TaskServiceImpl {

  private final TaskSubmissions submissions;

  public ContractTaskService(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void complete(String taskId) {
    complete(taskId, null);
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    commandExecutor.execute(new CheckedCompletion(submissions, taskId, variables, false, false));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
      boolean deserializeValues) {
    return commandExecutor.execute(new CheckedCompletion(submissions, taskId, variables, true, deserializeValues));
  }

  /** A delegated task goes back to its owner; its answers are given when the task is completed. */
  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    if (variables != null && !variables.isEmpty()) {
      throw new BadUserRequestException("A task is resolved without variables: answers are given"
          + " when the task is completed through its form");
    }
    super.resolveTask(taskId);
  }

  /** A completion whose submitted variables were checked against the task's form. */
  static final class CheckedCompletion extends CompleteTaskCmd implements ContractChecked {

    private final transient TaskSubmissions submissions;
    private transient boolean workChecked;

    CheckedCompletion(TaskSubmissions submissions, String taskId, Map<String, Object> variables,
        boolean returnVariables, boolean deserializeValues) {
      super(taskId, variables, returnVariables, deserializeValues);
      this.submissions = submissions;
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      variables = submissions.checked(commandContext, taskId, variables, () -> workChecked = true);
      return super.execute(commandContext);
    }

    @Override
    public String checkedTaskId() {
      return taskId;
    }

    @Override
    public boolean taskWorkChecked() {
      return workChecked;
    }
  }
}
