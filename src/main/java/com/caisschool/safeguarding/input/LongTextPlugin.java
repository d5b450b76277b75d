package com.caisschool.safeguarding.input;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers {@link LongTextSerializer} before the engine's own serializers, so that a String
 * variable too long for the text column is found by it first (the engine takes the first
 * serializer of a primitive type that can handle a value), and {@link LongTextHistory}.
 */
public class LongTextPlugin extends AbstractProcessEnginePlugin {

  private final int maxTextLength;

  public LongTextPlugin(int maxTextLength) {
    this.maxTextLength = maxTextLength;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreVariableSerializers() == null) {
      configuration.setCustomPreVariableSerializers(new ArrayList<>());
    }
    configuration.getCustomPreVariableSerializers().add(new LongTextSerializer(maxTextLength));
    configuration.setHistoryEventProducer(new LongTextHistory());
  }
}
