package com.caisschool.safeguarding.deployment;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} as one deployment with
 * stable resource names ({@code processes/x.bpmn}, {@code forms/x.form}), whether the application
 * runs from a jar or from classes. Unchanged resources are not deployed again, so restarting keeps
 * the same process versions; a changed model becomes a new version for new cases only. Like every
 * deployment it passes the checks of docs/model-rules.md and is recorded (modelchange), in the
 * application's tables: so it waits for their migration. Made in the background at start-up
 * ({@link DeploymentConfig}).
 */
@Component
@DependsOn("flywayInitializer")
class ModelDeployer implements InitializingBean {

  static final String DEPLOYMENT_NAME = "cais-safeguarding";

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;

  ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void afterPropertiesSet() {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("application")
        .enableDuplicateFiltering(false);
    Map<String, byte[]> files = ApplicationModels.read();
    files.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
    var result = deployment.deployWithResult();
    // Unchanged resources deploy nothing: the result then lists no definitions (null).
    var definitions = result.getDeployedProcessDefinitions();
    log.info("{} models and forms checked; {} new process definitions deployed", files.size(),
        definitions == null ? 0 : definitions.size());
  }
}
