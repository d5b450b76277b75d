package com.caisschool.safeguarding.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link DatabaseOutageFilter} before every other filter (security, web sessions). */
@Configuration
class DatabaseOutageConfig {

  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
      @Value("${safeguarding.database-outage.retry-after-seconds:60}") int retryAfterSeconds) {
    var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(retryAfterSeconds));
    registration.setName("database-outage");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
