package com.caisschool.safeguarding.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * (a) Full concern cases (report, triage, Case Study Team "no action", sign-off, closure) through
 * the REST API, application and bare in interleaved rounds (the order alternates), after warm-up
 * cases that are not counted. Reports the ratio of the medians and the spread of the per-round
 * ratios, and beside it the CPU time each side's JVM used while its own cases ran (all its threads:
 * requests, alerts, JIT, GC), which other work on the machine moves less than the wall clock.
 */
final class FullCaseComparison {

  private final Map<String, Timings> all = new HashMap<>();
  private final List<Double> roundRatios = new ArrayList<>();
  private final Map<String, List<String>> started = new HashMap<>();
  private final Map<String, Integer> completed = new HashMap<>();
  private final Map<String, Integer> conflicts = new HashMap<>();
  private final Map<String, Double> cpuMillis = new HashMap<>();

  /** {@code serverCpu}: for each side by name, the CPU time its JVM has used so far, in milliseconds. */
  static FullCaseComparison run(ConcernArm app, ConcernArm bare, BenchmarkSize size,
      Map<String, DoubleSupplier> serverCpu) {
    FullCaseComparison result = new FullCaseComparison();
    for (ConcernArm arm : List.of(app, bare)) {
      result.all.put(arm.name(), new Timings());
      result.started.put(arm.name(), new ArrayList<>());
      for (int i = 0; i < size.warmUpCases(); i++) {
        result.started.get(arm.name()).add(arm.fullCase("Warm-up " + i + "-Testchild"));
      }
    }
    for (int round = 0; round < size.rounds(); round++) {
      Map<String, Timings> thisRound = new HashMap<>();
      for (ConcernArm arm : round % 2 == 0 ? List.of(app, bare) : List.of(bare, app)) {
        Timings timings = new Timings();
        double cpuBefore = serverCpu.get(arm.name()).getAsDouble();
        for (int i = 0; i < size.casesPerRound(); i++) {
          long start = System.nanoTime();
          result.started.get(arm.name()).add(arm.fullCase("Round " + round + " case " + i + "-Testchild"));
          double millis = (System.nanoTime() - start) / 1_000_000.0;
          timings.add(millis, 200);
          result.all.get(arm.name()).add(millis, 200);
        }
        result.cpuMillis.merge(arm.name(), serverCpu.get(arm.name()).getAsDouble() - cpuBefore, Double::sum);
        thisRound.put(arm.name(), timings);
      }
      result.roundRatios.add(thisRound.get("application").median() / thisRound.get("bare").median());
    }
    for (ConcernArm arm : List.of(app, bare)) {
      result.completed.put(arm.name(), (int) result.started.get(arm.name()).stream().filter(arm::closed).count());
      result.conflicts.put(arm.name(), arm.conflicts());
    }
    return result;
  }

  int started(String arm) {
    return started.get(arm).size();
  }

  int completed(String arm) {
    return completed.get(arm);
  }

  private String retried(String arm) {
    int count = conflicts.get(arm);
    return count == 0 ? "" : ", " + count + " steps submitted again after a refusal for a concurrent update";
  }

  /** Whether both sides' CPU time was read (the system may not tell it). */
  boolean cpuTimeMeasured() {
    return cpuMillis.size() == 2 && cpuMillis.values().stream().allMatch(millis -> millis > 0);
  }

  void report(BenchmarkTable table) {
    Timings app = all.get("application");
    Timings bare = all.get("bare");
    List<Double> sorted = roundRatios.stream().sorted().toList();
    String spread = String.format(Locale.ROOT, "per round %s / %s / %s (min/median/max, %d rounds)",
        Timings.ratio(sorted.get(0)), Timings.ratio(sorted.get((sorted.size() - 1) / 2)),
        Timings.ratio(sorted.get(sorted.size() - 1)), sorted.size());
    table.add("full concern case (H2)", app.p50p95() + " (" + app.count() + " cases" + retried("application") + ")",
        bare.p50p95() + " (" + bare.count() + " cases" + retried("bare") + ")",
        Timings.ratio(app.median() / bare.median()) + "; " + spread);
    double appCpu = cpuPerCase("application");
    double bareCpu = cpuPerCase("bare");
    table.add("CPU time of the full cases (H2)", Timings.ms(appCpu) + " per case", Timings.ms(bareCpu) + " per case",
        Timings.ratio(appCpu / bareCpu));
  }

  /** The CPU time the side's JVM used while its counted cases ran, per case (NaN when not read). */
  private double cpuPerCase(String arm) {
    return cpuMillis.getOrDefault(arm, Double.NaN) / all.get(arm).count();
  }
}
