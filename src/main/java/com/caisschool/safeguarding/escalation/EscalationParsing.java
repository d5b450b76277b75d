package com.caisschool.safeguarding.escalation;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Installs {@link DeadlineEscalationParse} as the engine's way of reading BPMN. */
public final class EscalationParsing {

  private EscalationParsing() {}

  public static void install(ProcessEngineConfigurationImpl configuration, EscalationRules rules) {
    configuration.setBpmnParseFactory(parser -> new DeadlineEscalationParse(parser, rules));
  }
}
