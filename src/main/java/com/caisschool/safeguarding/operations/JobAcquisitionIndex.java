package com.caisschool.safeguarding.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of the engine's jobs (issue 25, README "Performance"). The job
 * executor of every node asks, several times a second while cases are reported, for the jobs that
 * are due ("no due date, or one already past"); Camunda's schema has no index for it, so
 * PostgreSQL read every job each time, most of them timers of open cases due days or weeks later
 * (13 ms a time at 5,000 open cases, competing with people's requests for the same two cores).
 * With the index it reads the due jobs only ({@link EngineIndex}).
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "job_due_for_acquisition";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    new EngineIndex(INDEX, "ACT_RU_JOB", "DUEDATE_").make((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }
}
