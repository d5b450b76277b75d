package com.caisschool.safeguarding.benchmark;

/**
 * (d) Start-up to the first answered request, application then bare, each in a JVM of its own.
 * The JVMs of the last start keep running for the parts that follow (closed with this object).
 */
final class StartupComparison implements AutoCloseable {

  private final Timings applicationTimes = new Timings();
  private final Timings bareTimes = new Timings();
  private StartupTimer.Started application;
  private StartupTimer.Started bare;

  static StartupComparison run(StartupTimer timer, int times) {
    StartupComparison result = new StartupComparison();
    try {
      for (int i = 0; i < times; i++) {
        result.close();
        result.application = timer.application();
        result.applicationTimes.add(result.application.millis(), 200);
        result.bare = timer.bare();
        result.bareTimes.add(result.bare.millis(), 200);
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
