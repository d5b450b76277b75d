package com.caisschool.safeguarding.casefile;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which tests move to make deadlines pass: entries and retention reviews use
 * it so that they agree with the engine's timers. The one place that reads the engine's clock.
 */
final class EngineTime {

  private EngineTime() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
