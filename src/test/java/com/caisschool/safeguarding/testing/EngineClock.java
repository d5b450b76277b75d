package com.caisschool.safeguarding.testing;

import java.time.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Moves the engine clock of this JVM (every node in it) forward while it keeps running, so timers
 * and retries become due without the test waiting for them. The application tests then run them
 * with {@link DueJobs}; the PostgreSQL tests' job executors find them on their own.
 */
public final class EngineClock {

  private static long offsetMillis;

  private EngineClock() {}

  public static synchronized void passTime(Duration duration) {
    offsetMillis += duration.toMillis();
    ClockUtil.offset(offsetMillis);
  }

  public static synchronized void reset() {
    offsetMillis = 0;
    ClockUtil.reset();
  }
}
