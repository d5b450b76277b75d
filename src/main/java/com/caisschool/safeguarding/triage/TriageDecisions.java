package com.caisschool.safeguarding.triage;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Evaluates a decision deployed with the task's own process (as the model's
 * {@code decisionRefBinding="deployment"} does), so the server applies the very table the model
 * routes by. The process's own rules: the person completing the task needs no right to read decisions.
 */
final class TriageDecisions {

  private TriageDecisions() {}

  static DmnDecisionResultEntries evaluate(DelegateTask task, String decisionKey, Map<String, Object> inputs) {
    ProcessEngineServices services = task.getProcessEngineServices();
    return SystemAccess.run(services.getIdentityService(), () -> {
      var repository = services.getRepositoryService();
      String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
      DecisionDefinition decision = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
          .decisionDefinitionKey(decisionKey).singleResult();
      if (decision == null) {
        throw new IllegalStateException("Decision " + decisionKey + " is not deployed with the process");
      }
      return services.getDecisionService().evaluateDecisionById(decision.getId()).variables(inputs).evaluate()
          .getSingleResult();
    });
  }
}
