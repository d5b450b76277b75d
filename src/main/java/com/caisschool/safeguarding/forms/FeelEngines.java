package com.caisschool.safeguarding.forms;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The FEEL engine the process engine evaluates its decision tables with (Camunda's Scala FEEL). */
public final class FeelEngines {

  private FeelEngines() {}

  public static FeelEngine of(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn != null && dmn.getFeelEngine() != null) {
      return dmn.getFeelEngine();
    }
    return new ScalaFeelEngineFactory().createInstance();
  }
}
