package com.caisschool.safeguarding.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes for Tasklist's list of filters and their counts (issue 25, README "Performance"), which
 * Camunda's schema lacks ({@link EngineIndex}):
 * <ul>
 *   <li>the tasks' due date and step (task definition key): a filter of tasks past their due date
 *       (Overdue) or of some steps (Triage, Monitoring reviews due) made PostgreSQL read every open
 *       task at every count, about 10 ms each at 5,000 open cases, to find a handful or none. A
 *       step's key never changes; a due date changes only when a deadline is moved;</li>
 *   <li>the authorizations' resource type: the list of filters checks the person's grants on
 *       filters, a few dozen rows among one grant per open task, and was read by scanning them all.</li>
 * </ul>
 */
@Component
class TaskListIndexes extends AbstractProcessEnginePlugin {

  static final String BY_DUE_DATE = "task_by_due_date";
  static final String BY_STEP = "task_by_definition_key";
  static final String GRANTS_BY_RESOURCE_TYPE = "authorization_by_resource_type";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    new EngineIndex(BY_DUE_DATE, "ACT_RU_TASK", "DUE_DATE_").make(configuration);
    new EngineIndex(BY_STEP, "ACT_RU_TASK", "TASK_DEF_KEY_").make(configuration);
    new EngineIndex(GRANTS_BY_RESOURCE_TYPE, "ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_").make(configuration);
  }
}
