package com.caisschool.safeguarding.rest;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST API's answers to bodies that are not JSON (see {@link RejectedInput}). */
@Configuration
class RestErrorsConfig {

  @Bean
  ResourceConfigCustomizer bodyNotJsonAsBadRequest() {
    return config -> config.register(new BodyNotJson.NotJson()).register(new BodyNotJson.NotOfTheExpectedShape());
  }
}
