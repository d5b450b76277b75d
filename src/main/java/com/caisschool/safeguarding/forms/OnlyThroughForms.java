package com.caisschool.safeguarding.forms;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A case's facts change only through a form. A person (anyone signed in, whatever their rights)
 * cannot set, change or remove a variable directly, on a process instance, an execution or a task
 * (REST {@code PUT/POST/DELETE .../variables}, {@code .../localVariables}, the batch
 * {@code /process-instance/variables-async}, Cockpit's variable editing), nor start a process at an
 * activity of their choice ({@code startInstructions}), which would skip its start form. The facts
 * that decide routing and access would otherwise change without a recorded reason. The engine's own
 * steps (a listener or a delegate setting a variable, a job) are not commands of a signed-in caller
 * and are untouched; nor is a command the engine runs inside another.
 */
public class OnlyThroughForms extends CommandInterceptor {

  private static final List<Class<?>> VARIABLE_WRITES = List.of(AbstractSetVariableCmd.class,
      AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class);

  private final Supplier<IdentityService> identityService;

  public OnlyThroughForms(Supplier<IdentityService> identityService) {
    this.identityService = identityService;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null && signedIn()) {
      if (VARIABLE_WRITES.stream().anyMatch(type -> type.isInstance(command))) {
        throw new AuthorizationException("Variables are set only by completing a task's form: a case's facts"
            + " cannot be changed directly");
      }
      if (command instanceof StartProcessInstanceAtActivitiesCmd) {
        throw new AuthorizationException("A process starts at its start event, with its start form:"
            + " start instructions are not accepted");
      }
    }
    return next.execute(command);
  }

  private boolean signedIn() {
    return identityService.get().getCurrentAuthentication() != null;
  }
}
