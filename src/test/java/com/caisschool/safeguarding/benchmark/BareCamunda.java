package com.caisschool.safeguarding.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Bare Camunda, the floor of the benchmark: the engine and its REST API on the same Camunda and
 * Spring Boot versions as the application, without security, authorization checks, listeners,
 * forms or webapps, running the application's models stripped by {@link BareModels} before it
 * starts (the folder {@code --bare.models}: it deploys the files as they are, as a bare Camunda
 * deployment would, without reading or changing them itself). Its settings are in bare-camunda.yaml
 * (not the application's application.yaml). Deliberately not a {@code @Configuration}: the
 * application's component scan must never pick it up.
 */
@EnableAutoConfiguration
public class BareCamunda {

  /** Started in a JVM of its own for the start-up measure. */
  public static void main(String[] args) {
    start(args);
  }

  /** Arguments as on a command line ({@code --server.port=0}); the engine name defaults to "bare". */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(BareCamunda.class)
        .properties("spring.config.name=bare-camunda")
        .run(args);
  }

  /**
   * With {@code --bare.basic-authentication=true} (the daily requests, on the application's
   * database and users): Camunda's own HTTP Basic filter names the caller to the engine, so
   * {@code ${currentUser()}} in a filter (the application's "My tasks") has a user, as it has
   * behind the application's sign-in. Authorization checks stay off: bare Camunda still checks no
   * permission, it only knows who asks.
   */
  @Bean
  @ConditionalOnProperty("bare.basic-authentication")
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** Deploys the stripped models once the engine runs (as the application's ModelDeployer does). */
  @Bean
  ApplicationRunner deployStrippedModels(RepositoryService repository, @Value("${bare.models}") Path models) {
    return arguments -> {
      DeploymentBuilder deployment = repository.createDeployment().name("bare-models").enableDuplicateFiltering(true);
      try (Stream<Path> files = Files.list(models)) {
        for (Path file : files.sorted().toList()) {
          deployment.addInputStream(file.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(file)));
        }
      }
      deployment.deploy();
    };
  }
}
