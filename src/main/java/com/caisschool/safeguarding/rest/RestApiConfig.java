package com.caisschool.safeguarding.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds the application's providers to Camunda's REST API (/engine-rest). */
@Configuration
class RestApiConfig {

  @Bean
  ResourceConfigCustomizer rejectedInputAsBadRequest() {
    return config -> config.register(RejectedInputMapper.class);
  }
}
