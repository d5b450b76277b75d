package com.caisschool.safeguarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's bare copy of the models deploys on bare Camunda, the yearly duties included: their
 * timer start events ask the application's calendar, so the copy starts them on a fixed far date.
 * Runs in every build (the benchmark itself does not), so a model change that breaks the copy shows.
 */
class BareModelsTest {

  @Test
  void everyModelDeploysBareWithTheYearlyDutiesTimersOnAFarDate() {
    Map<String, byte[]> files = BareModels.fromClasspath();
    for (String duty : List.of("policy-review", "practice-review", "photo-deletion", "campus-safety-audit")) {
      var model = Bpmn.readModelFromStream(new ByteArrayInputStream(files.get(duty + ".bpmn")));
      List<String> cycles = model.getModelElementsByType(StartEvent.class).stream()
          .flatMap(start -> start.getChildElementsByType(TimerEventDefinition.class).stream())
          .map(timer -> timer.getTimeCycle().getTextContent()).toList();
      assertThat(cycles).as(duty).containsExactly("R/2099-01-01T00:00:00Z/P1Y");
    }

    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("bare-models-test").setJdbcUrl("jdbc:h2:mem:bare-models-test;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false).buildProcessEngine();
    try {
      DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare");
      files.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
      deployment.deploy();

      List<Job> starts = engine.getManagementService().createJobQuery().timers().list();
      assertThat(starts).extracting(job -> job.getProcessDefinitionKey())
          .contains("bare-policy-review", "bare-practice-review", "bare-photo-deletion", "bare-campus-safety-audit");
      assertThat(starts).allSatisfy(job -> assertThat(job.getDuedate().toInstant().toString()).startsWith("2099-01-01"));
    } finally {
      engine.close();
    }
  }
}
