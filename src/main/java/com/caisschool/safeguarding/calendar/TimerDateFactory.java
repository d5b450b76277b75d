package com.caisschool.safeguarding.calendar;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the Java runtime's own XML date factory as the one to use, unless the operator named
 * another ({@code -Djavax.xml.datatype.DatatypeFactory=...}). Camunda makes a new factory for every
 * timer whose due date it computes (each deadline and escalation of every task), and without a name
 * Java looks for another implementation in every jar of the class path first, under a class loader
 * lock that reports arriving together queued on (issue 25). No jar of the application provides one,
 * so the factory is the same as before; only the search is gone.
 */
@Component
class TimerDateFactory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }
}
