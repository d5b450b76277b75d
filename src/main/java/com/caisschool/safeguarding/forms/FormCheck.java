package com.caisschool.safeguarding.forms;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

/**
 * Task listener on completion, on every user task with a Camunda Form: lets the task complete only
 * when the completion was checked against its form ({@link FormContract}, applied by
 * {@link ContractTaskService} and {@link ContractFormService} before any variable is set). A
 * completion that came another way is refused, so the contract cannot be bypassed by wiring.
 */
public class FormCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    if (invocation != null && invocation.getCommand() instanceof ContractChecked checked
        && task.getId().equals(checked.checkedTaskId())) {
      return;
    }
    throw new ProcessEngineException("Task " + task.getTaskDefinitionKey()
        + " can be completed only through the engine's task or form service (its form is checked there)");
  }
}
