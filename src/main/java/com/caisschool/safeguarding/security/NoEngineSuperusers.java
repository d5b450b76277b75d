package com.caisschool.safeguarding.security;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda makes every member of {@code camunda-admin} a superuser who passes every authorization
 * check, case variables included. System administrators here manage models and users only, so the
 * group keeps just the grants {@code safeguarding.access.grants} gives it.
 */
@Component
class NoEngineSuperusers extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getAdminGroups().remove(Groups.CAMUNDA_ADMIN);
  }
}
