package com.caisschool.safeguarding.testing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Stand-ins for the pathways the concern process starts by message, for tests of the concern
 * process on its own: each waits in one user task under the real process key and message name.
 */
public final class StubPathways {

  private final RepositoryService repositoryService;
  private final List<String> deployments = new ArrayList<>();

  public StubPathways(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The three pathways the concern process can start: self-harm, allegation, bullying. */
  public static StubPathways ofTheConcern(RepositoryService repositoryService) {
    return new StubPathways(repositoryService)
        .deploy("self-harm-response", "SelfHarmReported")
        .deploy("allegation-against-adult", "AllegationAgainstAdultReported")
        .deploy("bullying-incident", "BullyingReported");
  }

  public StubPathways deploy(String processKey, String messageName) {
    var model = Bpmn.createExecutableProcess(processKey)
        .camundaHistoryTimeToLive(1)
        .startEvent().message(messageName)
        .userTask("user_task_stub_" + processKey.replace('-', '_'))
        .endEvent()
        .done();
    deployments.add(repositoryService.createDeployment()
        .addModelInstance(processKey + "-stub.bpmn", model).deploy().getId());
    return this;
  }

  public void undeploy() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }
}
