package com.caisschool.safeguarding.benchmark;

/**
 * (d) Start-up to the first answered request, application then bare, each in a JVM of its own.
 * The JVMs of the last start keep running for the parts that follow (closed with this object).
 */
final class StartupComparison implements AutoCloseable {

  private final Timings applicationTimes = new Timings();
  private final Timings bareTimes = new Timings();
  private final Timings applicationCpu = new Timings();
  private final Timings bareCpu = new Timings();
  private StartupTimer.Started application;
  private StartupTimer.Started bare;

  static StartupComparison run(StartupTimer timer, int times) {
    StartupComparison result = new StartupComparison();
    try {
      for (int i = 0; i < times; i++) {
        result.close();
        result.application = timer.application();
        result.applicationTimes.add(result.application.millis(), 200);
        result.applicationCpu.add(result.application.cpuMillis(), 200);
        result.bare = timer.bare();
        result.bareTimes.add(result.bare.millis(), 200);
        result.bareCpu.add(result.bare.cpuMillis(), 200);
      }
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
    return result;
  }

  StartupTimer.Started application() {
    return application;
  }

  StartupTimer.Started bare() {
    return bare;
  }

  int measured() {
    return Math.min(applicationTimes.count(), bareTimes.count());
  }

  void report(BenchmarkTable table) {
    table.add("start-up to the first answered request",
        "median " + Timings.ms(applicationTimes.median()) + " (" + applicationTimes.count() + " starts)",
        "median " + Timings.ms(bareTimes.median()), Timings.ratio(applicationTimes.median() / bareTimes.median()));
    // The CPU time each JVM used until it answered (all its threads): less moved by other work on the machine.
    table.add("CPU time of the start-up until that request",
        "median " + Timings.ms(applicationCpu.median()), "median " + Timings.ms(bareCpu.median()),
        Timings.ratio(applicationCpu.median() / bareCpu.median()));
  }

  /** Whether the CPU time of every start was read (the system may not tell it). */
  boolean cpuTimeMeasured() {
    // NaN sorts last: the least must be above zero and the greatest a number.
    return applicationCpu.percentile(1) > 0 && !Double.isNaN(applicationCpu.percentile(100))
        && bareCpu.percentile(1) > 0 && !Double.isNaN(bareCpu.percentile(100));
  }

  @Override
  public void close() {
    if (application != null) {
      application.close();
      application = null;
    }
    if (bare != null) {
      bare.close();
      bare = null;
    }
  }
}
