package com.caisschool.safeguarding.security.provider;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which tests move: sign-in times and session ages use it, so a test can let a
 * session grow old without waiting. The one place in this package that reads it.
 */
final class EngineTime {

  private EngineTime() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
