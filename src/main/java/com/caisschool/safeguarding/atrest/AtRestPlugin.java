package com.caisschool.safeguarding.atrest;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers {@link ProtectedTextSerializer} first among the engine's serializers (the engine takes
 * the first serializer of a primitive type that can handle a value), and {@link ProtectedHistory}
 * in place of the input package's history producer, which it extends (set after every plugin's
 * pre-init, so whichever plugin runs first).
 */
class AtRestPlugin extends AbstractProcessEnginePlugin {

  private final ProtectedTextSerializer serializer;
  private final AtRestProperties properties;

  AtRestPlugin(ProtectedTextSerializer serializer, AtRestProperties properties) {
    this.serializer = serializer;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreVariableSerializers() == null) {
      configuration.setCustomPreVariableSerializers(new ArrayList<>());
    }
    configuration.getCustomPreVariableSerializers().add(0, serializer);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventProducer(new ProtectedHistory(properties.clearVariables()));
  }
}
