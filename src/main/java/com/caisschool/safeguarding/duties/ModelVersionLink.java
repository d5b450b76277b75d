package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Behind "Link the policy version to the models in force": records in the review
 * ({@code implementingModels}) the version of every process and decision model deployed now, so
 * each published policy version names the model versions that implement it.
 */
public class ModelVersionLink implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    var repository = execution.getProcessEngineServices().getRepositoryService();
    String models = SystemAccess.run(execution.getProcessEngineServices().getIdentityService(), () -> Stream.concat(
        repository.createProcessDefinitionQuery().latestVersion().list().stream()
            .map(definition -> definition.getKey() + " v" + definition.getVersion()),
        repository.createDecisionDefinitionQuery().latestVersion().list().stream()
            .map(definition -> definition.getKey() + " v" + definition.getVersion()))
        .sorted().collect(Collectors.joining(", ")));
    execution.setVariable("implementingModels", models);
  }
}
