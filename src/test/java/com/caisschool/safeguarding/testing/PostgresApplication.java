package com.caisschool.safeguarding.testing;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the {@link PostgresApplicationTest} context at the embedded PostgreSQL server and the
 * test SMTP server (starting them on first use), and creates the test users once it is ready.
 */
public class PostgresApplication implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The engine name of the shared context: its REST API is /engine-rest/engine/pgMain/... */
  public static final String ENGINE = "pgMain";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("embedded-postgres", PostgresNode.properties(ENGINE)));
    context.addApplicationListener(event -> {
      if (event instanceof ApplicationReadyEvent ready) {
        PostgresUsers.ensure(ready.getApplicationContext().getBean(IdentityService.class));
      }
    });
  }

  public static RestApi restAs(int port, String user) {
    return RestApi.onEngine(port, ENGINE, user, PostgresNode.PASSWORD);
  }
}
