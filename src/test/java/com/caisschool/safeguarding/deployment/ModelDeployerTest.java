package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.util.concurrent.Executor;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarting with unchanged models keeps the same versions; forms are deployed with the models;
 * the start-up deploys them, and sets up the engine's roles, users, filters and grants, in the
 * background (BackgroundBootstrapTest: the start waits for it; SetUpInTheBackgroundTest: a failed
 * set-up stops the start).
 */
@ApplicationTest
class ModelDeployerTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ModelDeployer deployer;
  @Autowired ConfigurableListableBeanFactory beans;

  @Test
  void redeployingUnchangedModelsCreatesNoNewVersion() throws Exception {
    long definitions = repositoryService.createProcessDefinitionQuery().count();

    deployer.afterPropertiesSet();

    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("safeguarding-concern")
        .latestVersion().singleResult().getVersion()).isOne();
  }

  @Test
  void modelsAndFormsAreDeployedUnderStableNames() {
    String deploymentId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("safeguarding-concern").latestVersion().singleResult().getDeploymentId();

    assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
        .contains("processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
            "forms/report-safeguarding-concern.form", "forms/concern-triage.form");
  }

  @Test
  void theStartUpDeploysTheModelsAndSetsUpTheEngineOnThreadsOfTheirOwn() {
    // Without an executor of that name Spring would make the beans on the main thread after all.
    assertThat(beans.getBean(ConfigurableApplicationContext.BOOTSTRAP_EXECUTOR_BEAN_NAME)).isInstanceOf(Executor.class);
    assertThat(DeploymentConfig.MADE_IN_THE_BACKGROUND).contains("modelDeployer", "setUpAtStart");
    for (String name : DeploymentConfig.MADE_IN_THE_BACKGROUND) {
      assertThat(((AbstractBeanDefinition) beans.getMergedBeanDefinition(name)).isBackgroundInit()).as(name).isTrue();
    }
  }
}
