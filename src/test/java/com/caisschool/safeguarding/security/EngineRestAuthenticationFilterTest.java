package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The REST API's authentication filter finds the engine that a request names as Camunda's filter
 * finds it, but looks the engine provider up once instead of reading every jar's service files
 * at each request (issue 25).
 */
@ApplicationTest
class EngineRestAuthenticationFilterTest {

  private static final String PROVIDER_SERVICE = "META-INF/services/org.camunda.bpm.engine.rest.spi.ProcessEngineProvider";

  @Autowired ProcessEngine engine;
  @Autowired @Qualifier("restAuthentication") FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication;

  @Test
  void theRestApiIsAuthenticatedByThisFilter() {
    assertThat(restAuthentication.getFilter()).isInstanceOf(EngineRestAuthenticationFilter.class);
  }

  @Test
  void findsTheEnginesCamundasLookupFindsAndLooksTheProviderUpOnce() {
    AtomicInteger lookups = new AtomicInteger();
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(new ClassLoader(original) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        if (name.equals(PROVIDER_SERVICE)) {
          lookups.incrementAndGet();
        }
        return super.getResources(name);
      }
    });
    try {
      EngineRestAuthenticationFilter filter = new EngineRestAuthenticationFilter();
      ProcessEngine[] found = new ProcessEngine[3];
      for (int request = 0; request < 3; request++) {
        found[0] = filter.getAddressedEngine(engine.getName());
        found[1] = filter.getAddressedEngine("no-such-engine");
        found[2] = filter.getAddressedEngine(null);
      }
      assertThat(lookups.get()).as("provider lookups of the filter").isEqualTo(1);

      assertThat(found[0]).isSameAs(engine).isSameAs(EngineUtil.lookupProcessEngine(engine.getName()));
      assertThat(found[1]).isNull();
      assertThat(EngineUtil.lookupProcessEngine("no-such-engine")).isNull();
      assertThat(found[2]).isSameAs(EngineUtil.lookupProcessEngine(null));
      assertThat(lookups.get()).as("Camunda's lookup reads the service files every time").isEqualTo(4);
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }
}
