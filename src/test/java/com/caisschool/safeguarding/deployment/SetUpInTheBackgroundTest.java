package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.SafeguardingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The engine's set-up at start-up (roles, users, filters, grants) is made in the background
 * ({@link DeploymentConfig}), and a set-up that fails still stops the start, as it did on the main
 * thread. A start of its own: its own in-memory database and engine name, and no Camunda webapps
 * (their filters find the Spring context through a JVM-wide field), so the shared test
 * application is left alone.
 */
class SetUpInTheBackgroundTest {

  @Test
  void aFailedSetUpStopsTheStart() {
    // The standing grants' set-up refuses a role that stands in for itself.
    assertThatThrownBy(() -> new SpringApplicationBuilder(SafeguardingApplication.class)
        .profiles("test")
        .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:failed-set-up;DB_CLOSE_DELAY=-1",
            "--camunda.bpm.process-engine-name=failed-set-up", "--camunda.bpm.webapp.enabled=false",
            "--safeguarding.access.alternates.cpo=cpo")
        .close())
        .hasStackTraceContaining("safeguarding.access.alternates: 'cpo' must be replaced by another");
  }
}
