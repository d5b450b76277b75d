package com.caisschool.safeguarding.modelchange;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** What is already deployed, for references that resolve outside the deployment being checked. */
public interface DeployedDefinitions {

  /** Whether form {@code key} is deployed: in that version, or in any when version is null. */
  boolean hasForm(String key, Integer version);

  /** Whether decision {@code key} is deployed: in that version or version tag, or in any. */
  boolean hasDecision(String key, Integer version, String versionTag);

  /** The model of the latest version of process {@code key}, or null when there is none. */
  BpmnModelInstance latestProcess(String key);
}
