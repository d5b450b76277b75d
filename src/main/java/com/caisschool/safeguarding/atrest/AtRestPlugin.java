package com.caisschool.safeguarding.atrest;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers {@link ProtectedTextSerializer} first among the engine's serializers (the engine takes
 * the first serializer of a primitive type that can handle a value). The engine's "form property"
 * copy of each text answer in the history details is not written at all (the input package's
 * history producer); rows of it from earlier versions are marked by {@link EngineValuesEncryption}.
 */
class AtRestPlugin extends AbstractProcessEnginePlugin {

  private final ProtectedTextSerializer serializer;

  AtRestPlugin(ProtectedTextSerializer serializer) {
    this.serializer = serializer;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreVariableSerializers() == null) {
      configuration.setCustomPreVariableSerializers(new ArrayList<>());
    }
    configuration.getCustomPreVariableSerializers().add(0, serializer);
  }
}
