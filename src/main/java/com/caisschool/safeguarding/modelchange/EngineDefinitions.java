package com.caisschool.safeguarding.modelchange;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** What the engine has deployed, read inside a command (the deployment's own, or a dry run's). */
final class EngineDefinitions implements DeployedDefinitions {

  private final CommandContext context;

  EngineDefinitions(CommandContext context) {
    this.context = context;
  }

  @Override
  public boolean hasForm(String key, Integer version) {
    var forms = context.getCamundaFormDefinitionManager();
    return (version == null ? forms.findLatestDefinitionByKey(key)
        : forms.findDefinitionByKeyVersionAndTenantId(key, version, null)) != null;
  }

  @Override
  public boolean hasDecision(String key, Integer version, String versionTag) {
    var decisions = context.getDecisionDefinitionManager();
    if (versionTag != null) {
      return decisions.findDecisionDefinitionByKeyVersionTagAndTenantId(key, versionTag, null) != null;
    }
    return (version == null ? decisions.findLatestDecisionDefinitionByKey(key)
        : decisions.findDecisionDefinitionByKeyAndVersion(key, version)) != null;
  }

  @Override
  public BpmnModelInstance latestProcess(String key) {
    ProcessDefinitionEntity latest = context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key);
    if (latest == null) {
      return null;
    }
    ResourceEntity resource = context.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
    return resource == null ? null : BpmnReader.read(resource.getBytes());
  }
}
