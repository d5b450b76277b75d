package com.caisschool.safeguarding.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Puts {@link CaseAccessOnTaskEvents} into every model as it is deployed: built-in listeners on the
 * end of every start event and on the task events that change who holds a task. Built in, so an
 * edited model cannot drop them and "skip custom listeners" does not skip them; added after the
 * parse of every other listener (the engine's post-parse listeners), so they see a task as the
 * case-process convention and cover left it. They replace the Spring event bridge, which published
 * every engine event of every process twice to every listener (issue 25).
 */
@Component
class CaseAccessPlugin extends AbstractProcessEnginePlugin {

  /** The task events after which a case's grants and walls may have to change. */
  static final List<String> TASK_EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
      TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

  /** Looked up at the first event, once the engine and the beans it serves are built; then kept. */
  private final SingletonSupplier<CaseAccessOnTaskEvents> events;

  CaseAccessPlugin(ObjectProvider<CaseAccessOnTaskEvents> events) {
    this.events = SingletonSupplier.of(events::getObject);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener caseOpened = execution -> events.obtain().onCaseOpened(execution);
    TaskListener taskEvent = task -> events.obtain().onTaskEvent(task);
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
        startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseOpened);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        TASK_EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, taskEvent));
      }
    });
  }
}
