package com.caisschool.safeguarding.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The facts that decide a case's routing and who sees it ({@code safeguarding.access.case-facts},
 * such as who the concern is about) are set when the case opens. Afterwards a person can change
 * one only by completing a task as a member of {@code corrected-by} (the CPO's recorded
 * correction); through any other way in (the variables and execution endpoints, a task holder's
 * extra variables, a message) the whole step is refused. The engine's own writes (no person
 * signed in) are not checked. It listens to the engine's variable history events, which every
 * change of a variable produces whatever API made it.
 */
@Component
class CaseFactsGuard extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private final Set<String> facts;
  private final Set<String> correctedBy;

  CaseFactsGuard(AccessProperties access) {
    this.facts = Set.copyOf(access.caseFacts().variables());
    this.correctedBy = Set.copyOf(access.caseFacts().correctedBy());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new java.util.ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(this);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity change) || !facts.contains(change.getVariableName())
        // Only the case's own scope: a model's input mapping copies a fact into a step's local scope.
        || change.getProcessInstanceId() == null || !change.getProcessInstanceId().equals(change.getExecutionId())) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    Authentication person = command == null ? null : command.getAuthentication();
    if (person == null || person.getUserId() == null || openedInThisStep(command, change.getProcessInstanceId())
        || isCorrection(person)) {
      return;
    }
    throw new AuthorizationException("'" + change.getVariableName() + "' decides who handles and who sees this case:"
        + " it is changed only by the CPO's recorded correction.");
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private static boolean openedInThisStep(CommandContext command, String processInstanceId) {
    var cache = command.getDbEntityManager().getDbEntityCache();
    ExecutionEntity instance = cache.get(ExecutionEntity.class, processInstanceId);
    return instance != null && cache.isTransient(instance);
  }

  private boolean isCorrection(Authentication person) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    boolean completingATask = invocation != null
        && (invocation.getCommand() instanceof CompleteTaskCmd || invocation.getCommand() instanceof SubmitTaskFormCmd);
    List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
    return completingATask && groups.stream().anyMatch(correctedBy::contains);
  }
}
