package com.caisschool.safeguarding.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's answers to bodies that are not JSON (see {@link RejectedInput}), and task
 * updates sent back whole ({@link FormReferenceReadOnly}).
 */
@Configuration
class RestConfig {

  @Bean
  ResourceConfigCustomizer bodyNotJsonAsBadRequest() {
    return config -> config.register(new BodyNotJson.NotJson()).register(new BodyNotJson.NotOfTheExpectedShape());
  }

  @Bean
  FilterRegistrationBean<FormReferenceReadOnly> formReferenceReadOnly() {
    var registration = new FilterRegistrationBean<>(new FormReferenceReadOnly());
    registration.setName("form-reference-read-only");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 4);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }
}
