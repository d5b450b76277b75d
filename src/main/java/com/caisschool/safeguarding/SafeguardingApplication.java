package com.caisschool.safeguarding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The safeguarding workflow application: Camunda 7 engine, webapps and REST API in one Spring Boot app. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SafeguardingApplication {

  public static void main(String[] args) {
    SpringApplication.run(SafeguardingApplication.class, args);
  }
}
