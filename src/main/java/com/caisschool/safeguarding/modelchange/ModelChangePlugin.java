package com.caisschool.safeguarding.modelchange;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Registers with the application's engine: the deployment gate (checks, proposals, records) before
 * the engine's own deployers (the application's own files read ahead meanwhile, {@link ModelFilesReadAhead}), the history keeping on every command, and no owner grants on
 * deployments.
 */
@Component
class ModelChangePlugin extends AbstractProcessEnginePlugin {

  private final ModelChecks checks;
  private final Proposals proposals;
  private final DeploymentRecords records;
  private final ModelFilesReadAhead readAhead;

  ModelChangePlugin(ModelRulesProperties rules, BeanFactory beans, Proposals proposals, DeploymentRecords records,
      ModelFilesReadAhead readAhead) {
    this.checks = new ModelChecks(rules, beans::containsBean);
    this.proposals = proposals;
    this.records = records;
    this.readAhead = readAhead;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new DeploymentGate(checks, proposals, records, readAhead));
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
