package com.caisschool.safeguarding.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * (a) Full concern cases (report, triage, Case Study Team "no action", sign-off, closure) through
 * the REST API, application and bare in interleaved rounds (the order alternates), after warm-up
 * cases that are not counted. Reports the ratio of the medians and the spread of the per-round
 * ratios.
 */
final class FullCaseComparison {

  private final Map<String, Timings> all = new HashMap<>();
  private final List<Double> roundRatios = new ArrayList<>();
  private final Map<String, List<String>> started = new HashMap<>();
  private final Map<String, Integer> completed = new HashMap<>();
  private final Map<String, Integer> conflicts = new HashMap<>();

  static FullCaseComparison run(ConcernArm app, ConcernArm bare, BenchmarkSize size) {
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
        for (int i = 0; i < size.casesPerRound(); i++) {
          long start = System.nanoTime();
          result.started.get(arm.name()).add(arm.fullCase("Round " + round + " case " + i + "-Testchild"));
          double millis = (System.nanoTime() - start) / 1_000_000.0;
          timings.add(millis, 200);
          result.all.get(arm.name()).add(millis, 200);
        }
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
  }
}
