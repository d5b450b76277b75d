package com.caisschool.safeguarding.security;

import java.util.ServiceLoader;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;

/**
 * Camunda's authentication filter of the REST API, finding the process engine provider once. The
 * filter's own lookup loads the provider through {@link ServiceLoader} at every request, which
 * reads the service files of every jar on the class path (issue 25: about 1% of a REST request's
 * CPU). It is the same provider, found the same way on the first request; the engine a request
 * names is still asked of it at every request. Without a provider the engine's own lookup answers
 * (its error).
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private volatile ProcessEngineProvider provider;

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    ProcessEngineProvider engines = provider;
    if (engines == null) {
      engines = ServiceLoader.load(ProcessEngineProvider.class).findFirst().orElse(null);
      if (engines == null) {
        return super.getAddressedEngine(engineName);
      }
      provider = engines;
    }
    return engineName == null ? engines.getDefaultProcessEngine() : engines.getProcessEngine(engineName);
  }
}
