package com.caisschool.safeguarding.benchmark;

import java.util.concurrent.CompletableFuture;

/**
 * (d) Start-up to the first answered request, the application and bare Camunda, each in a JVM of its
 * own and each measured alone: the other side's JVM is stopped before a measured start begins (a JVM
 * that has just answered still compiles and starts its background work on the same two cores, which
 * lengthened the start beside it by 8–20%). The side that starts first alternates from round to round.
 * With {@code keepRunning} both sides are then started once more, at the same moment and not
 * measured, for the parts that follow (closed with this object): two JVMs of the same age, so neither
 * has had longer to compile its code before the full cases.
 */
final class StartupComparison implements AutoCloseable {

  private final Timings applicationTimes = new Timings();
  private final Timings bareTimes = new Timings();
  private final Timings applicationCpu = new Timings();
  private final Timings bareCpu = new Timings();
  private boolean everyStartAlone = true;
  private StartupTimer.Started application;
  private StartupTimer.Started bare;

  static StartupComparison run(StartupTimer timer, int times, boolean keepRunning) {
    StartupComparison result = new StartupComparison();
    try {
      boolean applicationFirst = true;
      for (int i = 0; i < times; i++, applicationFirst = !applicationFirst) {
        result.measure(timer, applicationFirst);
        result.measure(timer, !applicationFirst);
      }
      if (keepRunning) {
        result.startBothAtOnce(timer);
      }
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
    return result;
  }

  /** One measured start of one side, with no other JVM of the benchmark running; it runs on until the next start. */
  private void measure(StartupTimer timer, boolean ofApplication) {
    close();
    StartupTimer.Started started = ofApplication ? timer.application() : timer.bare();
    everyStartAlone &= started.alone();
    (ofApplication ? applicationTimes : bareTimes).add(started.millis(), 200);
    (ofApplication ? applicationCpu : bareCpu).add(started.cpuMillis(), 200);
    if (ofApplication) {
      application = started;
    } else {
      bare = started;
    }
  }

  private void startBothAtOnce(StartupTimer timer) {
    close();
    CompletableFuture<StartupTimer.Started> startingApplication = CompletableFuture.supplyAsync(timer::application);
    CompletableFuture<StartupTimer.Started> startingBare = CompletableFuture.supplyAsync(timer::bare);
    CompletableFuture.allOf(startingApplication, startingBare).exceptionally(failure -> null).join();
    application = startingApplication.exceptionally(failure -> null).join();
    bare = startingBare.exceptionally(failure -> null).join();
    startingApplication.join(); // a failed start is thrown here, and close() stops the side that started
    startingBare.join();
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

  /** Whether every measured start ran with no other JVM of the benchmark running beside it. */
  boolean everyStartAlone() {
    return everyStartAlone;
  }

  /** How far apart the two running JVMs were launched, in seconds (both are started at once for the later parts). */
  double runningStartedApartSeconds() {
    return Math.abs(application.startedAtNanos() - bare.startedAtNanos()) / 1e9;
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
