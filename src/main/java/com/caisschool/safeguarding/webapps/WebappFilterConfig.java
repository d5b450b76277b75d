package com.caisschool.safeguarding.webapps;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Filters in front of Camunda's own webapp filters (which the starter registers after these). */
@Configuration
class WebappFilterConfig {

  @Bean
  FilterRegistrationBean<RequestScopedCspNonce> requestScopedCspNonce() {
    var registration = new FilterRegistrationBean<>(new RequestScopedCspNonce());
    registration.setName("request-scoped-csp-nonce");
    registration.addUrlPatterns("/camunda/*");
    return registration;
  }
}
