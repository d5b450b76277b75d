package com.caisschool.safeguarding.accesslog;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The access log's filter on the engine's REST API and the webapps' API, behind Spring Security. */
@Configuration
class AccessLogConfig {

  @Bean
  FilterRegistrationBean<FactsReadLog> factsReadLog(JdbcTemplate jdbc, CaseReads reads) {
    var registration = new FilterRegistrationBean<>(new FactsReadLog(new CasesOfRead(jdbc), reads));
    registration.setName("facts-read-log");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // After Spring Security (who is reading) and Camunda's authentication filters.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
