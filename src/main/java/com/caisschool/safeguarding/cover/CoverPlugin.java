package com.caisschool.safeguarding.cover;

import com.caisschool.safeguarding.casefile.Chronology;
import java.util.ArrayList;
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

/**
 * Cover for absence in every model, on every way in: while a model is deployed, each user task
 * gets built-in listeners (a model cannot leave them out) that offer a new task to the people
 * covering an absent CPO or deputy ({@link CoverOnNewTasks}) and record in the case file who
 * acted under cover ({@link ActedUnderCover}). The listeners' collaborators are looked up when a
 * task is created, after the engine is built.
 */
@Component
class CoverPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CoverPlan> plan;
  private final ObjectProvider<CoverGiven> given;
  private final ObjectProvider<Chronology> chronology;

  CoverPlugin(ObjectProvider<CoverPlan> plan, ObjectProvider<CoverGiven> given, ObjectProvider<Chronology> chronology) {
    this.plan = plan;
    this.given = given;
    this.chronology = chronology;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    TaskListener onCreate = task -> new CoverOnNewTasks(plan.getObject(), given.getObject()).notify(task);
    TaskListener onComplete = task -> new ActedUnderCover(given.getObject(), chronology.getObject()).notify(task);
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
      }
    });
  }
}
