package com.caisschool.safeguarding.worklists;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers with the application's engine: one copy of each Tasklist filter per reader ({@link OneCopyPerReader}). */
@Component
class WorklistPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFilterService(new OneCopyPerReader());
  }
}
