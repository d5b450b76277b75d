package com.caisschool.safeguarding.operations;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A database outage answers 503 with a plain message: {@link DatabaseOutageFilter} before every
 * other filter (security, web sessions), and {@link DatabaseOutageMappers} inside the REST API.
 * A burst of requests waits for a place ({@link DatabaseAdmission}) rather than for a connection.
 */
@Configuration
class DatabaseOutageConfig {

  private final int retryAfterSeconds;

  DatabaseOutageConfig(@Value("${safeguarding.database-outage.retry-after-seconds:60}") int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
    var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(retryAfterSeconds));
    registration.setName("database-outage");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  DatabaseAdmission databaseAdmission(@Value("${safeguarding.admission.concurrent-requests}") int concurrentRequests,
      @Value("${safeguarding.admission.wait}") Duration wait) {
    return new DatabaseAdmission(concurrentRequests, wait);
  }

  /** Right after the outage filter: before the password check and the web session. */
  @Bean
  FilterRegistrationBean<DatabaseAdmissionFilter> databaseAdmissionFilter(DatabaseAdmission admission) {
    var registration = new FilterRegistrationBean<>(new DatabaseAdmissionFilter(admission));
    registration.setName("database-admission");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer databaseOutageAsServiceUnavailable() {
    return config -> config
        .register(new DatabaseOutageMappers.ForRestException(retryAfterSeconds))
        .register(new DatabaseOutageMappers.ForEngineException(retryAfterSeconds))
        .register(new DatabaseOutageMappers.ForAnyError(retryAfterSeconds));
  }
}
