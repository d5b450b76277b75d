package com.caisschool.safeguarding.testing;

import java.time.Duration;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Moves the engine clock of this JVM (every node in it) forward while it keeps running, so a
 * running job executor finds timers due and retries ripe without the test waiting for them.
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
