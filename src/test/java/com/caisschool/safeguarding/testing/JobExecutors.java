package com.caisschool.safeguarding.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/** Holds a node's job executor back (stops acquiring jobs) and lets it go again, for failover tests. */
public final class JobExecutors {

  private JobExecutors() {}

  public static void pause(ProcessEngine engine) {
    jobExecutor(engine).shutdown();
  }

  public static void resume(ProcessEngine engine) {
    jobExecutor(engine).start();
  }

  private static JobExecutor jobExecutor(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }
}
