package com.caisschool.safeguarding.casefile;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Puts {@link CaseFileEvents} into every model as it is deployed, as built-in listeners on the
 * events the case file records: a process starts and ends, a start event ends (after the case got
 * its reference there), a timer passes, a user task is completed. Built in, so an edited model cannot drop
 * them and "skip custom listeners" does not skip them; added after the parse of every other
 * listener (the engine's post-parse listeners), so a start event has opened its case and a
 * completion passed its form check first. They replace the Spring event bridge, which published
 * every engine event of every process, each activity's start and each flow taken too, twice to
 * every listener (issue 25).
 */
@Component
class CaseFilePlugin extends AbstractProcessEnginePlugin {

  /** Looked up at the first event, once the engine and the beans it serves are built; then kept. */
  private final SingletonSupplier<CaseFileEvents> events;

  CaseFilePlugin(ObjectProvider<CaseFileEvents> events) {
    this.events = SingletonSupplier.of(events::getObject);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener onExecution = execution -> events.obtain().onExecution(execution);
    TaskListener onTaskCompleted = task -> events.obtain().onTaskCompleted(task);
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, onExecution);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, onExecution);
        // Here, not as each start event is parsed: the case-process convention adds the case's
        // opening (its reference) to the start events as the whole process is parsed, and the
        // file is opened after it.
        afterEachStartEvent(processDefinition.getActivities(), onExecution);
      }

      @Override
      public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
          ActivityImpl timerActivity) {
        timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onExecution);
      }

      @Override
      public void parseIntermediateTimerEventDefinition(Element timerEventDefinition, ActivityImpl timerActivity) {
        timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onExecution);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onTaskCompleted);
      }
    });
  }

  /** Every start event, in sub-processes too. */
  private static void afterEachStartEvent(List<ActivityImpl> activities, ExecutionListener listener) {
    for (ActivityImpl activity : activities) {
      String type = String.valueOf(activity.getProperty("type"));
      if (type.equals(ActivityTypes.START_EVENT) || type.endsWith("StartEvent")) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
      }
      afterEachStartEvent(activity.getActivities(), listener);
    }
  }
}
