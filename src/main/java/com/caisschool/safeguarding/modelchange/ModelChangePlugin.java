package com.caisschool.safeguarding.modelchange;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Registers with the application's engine: the deployment gate (checks, proposals, records) before
 * the engine's own deployers, the history keeping on every command, and no owner grants on
 * deployments.
 */
@Component
class ModelChangePlugin extends AbstractProcessEnginePlugin {

  private final ModelChecks checks;
  private final Proposals proposals;
  private final DeploymentRecords records;

  ModelChangePlugin(ModelRulesProperties rules, BeanFactory beans, Proposals proposals, DeploymentRecords records) {
    this.checks = new ModelChecks(rules, beans::containsBean);
    this.proposals = proposals;
    this.records = records;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeploymentGate(checks, proposals, records));
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new HistoryKeeping(configuration::getIdentityService));
    configuration.setResourceAuthorizationProvider(new NoDeploymentOwners());
  }

  /** The checks, for a dry run. */
  ModelChecks checks() {
    return checks;
  }
}
