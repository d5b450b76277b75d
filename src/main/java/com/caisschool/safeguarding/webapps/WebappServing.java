package com.caisschool.safeguarding.webapps;

import java.util.Arrays;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Wrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Tasklist, Cockpit and Admin are served, so that each loads on the first try however busy the
 * server is: the CSP nonce kept per request ({@link RequestScopedCspNonce}), and Camunda's webapp
 * APIs started as soon as the application is ready rather than on their first request.
 */
@Configuration
class WebappServing {

  /** Ahead of Camunda's own webapp filters, which the starter registers after every other filter. */
  @Bean
  FilterRegistrationBean<RequestScopedCspNonce> requestScopedCspNonce() {
    var registration = new FilterRegistrationBean<>(new RequestScopedCspNonce());
    registration.setName("request-scoped-csp-nonce");
    registration.addUrlPatterns("/camunda/*");
    return registration;
  }

  /**
   * The Camunda starter registers each webapp's API (Cockpit Api, Tasklist Api, Admin Api, Engine
   * Api, Welcome Api: one Jersey servlet each) to start on its first request. That first request
   * is the one fetching the app's plugin script, and the webapps' script loader (RequireJS) gives
   * up after 7 seconds without retrying: on a busy server the app then never starts. So they are
   * started right after the application is ready ({@link WebappApisWarmUp}), in the background:
   * starting five Jersey applications took about a tenth of the start-up when it held back the
   * server (and the REST API) until they were done. A request that comes while one is starting
   * waits for that start (Tomcat starts a servlet once), not for a second one.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> camundaWebappApisStartWithTheApplication(
      WebappApisWarmUp warmUp) {
    return factory -> factory.addContextLifecycleListeners(event -> {
      if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
        warmUp.servedBy((Context) event.getLifecycle());
      }
    });
  }

  /** Camunda's Jersey servlets under /camunda/api/ (not the REST API at /engine-rest). */
  static List<Wrapper> camundaWebappApis(Context context) {
    return Arrays.stream(context.findChildren()).map(Wrapper.class::cast)
        .filter(servlet -> JERSEY.equals(servlet.getServletClass()))
        .filter(servlet -> Arrays.stream(servlet.findMappings()).anyMatch(mapping -> mapping.startsWith("/camunda/api/")))
        .toList();
  }

  private static final String JERSEY = "org.glassfish.jersey.servlet.ServletContainer";
}
