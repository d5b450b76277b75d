package com.caisschool.safeguarding.deployment;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Runs the engine's set-up ({@link EngineSetUp}) at start-up, in order, on a thread of its own
 * (made in the background: {@link DeploymentConfig}), after the application's tables are migrated.
 * The parts are made on the main thread beforehand; only their work runs here.
 */
@Component
@DependsOn("flywayInitializer")
class SetUpAtStart implements InitializingBean {

  private final List<EngineSetUp> parts;

  /** Spring gives the parts sorted by their order. */
  SetUpAtStart(List<EngineSetUp> parts) {
    this.parts = parts;
  }

  @Override
  public void afterPropertiesSet() {
    parts.forEach(EngineSetUp::setUp);
  }
}
