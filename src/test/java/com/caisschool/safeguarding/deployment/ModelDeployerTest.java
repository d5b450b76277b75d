package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Restarting with unchanged models keeps the same versions; forms are deployed with the models. */
@ApplicationTest
class ModelDeployerTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ModelDeployer deployer;

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
}
