package com.caisschool.safeguarding.forms;

import java.util.List;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The FEEL engine the process engine evaluates its decision tables with (Camunda's Scala FEEL),
 * for the forms' hide conditions: when it is the Scala engine, a copy with the same custom
 * functions that parses each expression once ({@link ParsedOnceFeelEngine}); any other engine
 * configured for the decisions is used as it is.
 */
public final class FeelEngines {

  private FeelEngines() {}

  public static FeelEngine of(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn != null && dmn.getFeelEngine() != null && !(dmn.getFeelEngine() instanceof ScalaFeelEngine)) {
      return dmn.getFeelEngine();
    }
    List<FeelCustomFunctionProvider> functions = dmn == null ? null : dmn.getFeelCustomFunctionProviders();
    return new ParsedOnceFeelEngine(functions == null ? List.of() : functions);
  }
}
