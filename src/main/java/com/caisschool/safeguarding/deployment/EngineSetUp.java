package com.caisschool.safeguarding.deployment;

/**
 * A part of the engine's set-up at every start-up (the school's roles and users, Tasklist's
 * filters, the standing grants). The parts run one after another in their
 * {@link org.springframework.core.annotation.Order} on a start-up thread of their own
 * ({@link SetUpAtStart}); the start waits for them, and a part that fails stops the start.
 */
public interface EngineSetUp {

  /** Brings the engine's records to the configuration; runs at every start, so it must be idempotent. */
  void setUp();
}
