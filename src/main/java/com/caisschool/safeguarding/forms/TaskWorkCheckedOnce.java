package com.caisschool.safeguarding.forms;

import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's authorization checks, asking once per form submission whether the caller may work
 * on the task: {@link TaskSubmissions} asks it before the form is checked (so only someone allowed
 * hears about the form), and the engine's completion would ask the same again, in the same
 * command, for the same user and task (issue 25: one authorization query less per step). Any
 * other command, or another task, is checked as the engine checks it.
 */
public class TaskWorkCheckedOnce extends AuthorizationCommandChecker {

  @Override
  public void checkTaskWork(TaskEntity task) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    if (invocation != null && invocation.getCommand() instanceof ContractChecked checked
        && checked.taskWorkChecked() && task.getId().equals(checked.checkedTaskId())) {
      return;
    }
    super.checkTaskWork(task);
  }
}
