package com.caisschool.safeguarding.benchmark;

import java.util.List;

/**
 * How much the benchmark does: {@code quick} in every build (small data, so it cannot rot),
 * {@code full} with {@code -Pbenchmark} (README "Performance"). Each number can be changed for a
 * run: {@code -Dbenchmark.open=}, {@code .closed}, {@code .rounds}, {@code .casesPerRound},
 * {@code .warmUpCases}, {@code .startups}, {@code .parallelReports}, {@code .parallelBursts},
 * {@code .samples}.
 * {@code -Dbenchmark.parts=startup} runs the start-up, full case and parallel report parts only
 * (H2, no decade of data), {@code daily} the daily requests on the decade of data only, to iterate
 * on them; {@code startups} the start-ups only (to profile them); the default {@code all} runs every
 * part. {@code -Dbenchmark.plans=true} also writes the plans of the CPO's lists' statements
 * ({@link ListPlans}).
 */
record BenchmarkSize(String mode, int startups, int warmUpCases, int rounds, int casesPerRound, int parallelReports,
    int parallelBursts, int closedCases, int openCases, int samples, int chunk, String parts) {

  static BenchmarkSize fromSystemProperties() {
    String mode = System.getProperty("benchmark.mode", "quick");
    BenchmarkSize size = switch (mode) {
      case "full" -> new BenchmarkSize(mode, 3, 5, 10, 20, 30, 3, 100_000, 5_000, 50, 10_000, "all");
      case "quick", "" -> new BenchmarkSize("quick", 1, 1, 2, 2, 6, 2, 200, 12, 3, 100, "all");
      default -> throw new IllegalArgumentException("benchmark.mode is quick or full, not " + mode);
    };
    return new BenchmarkSize(size.mode(), get("startups", size.startups()), get("warmUpCases", size.warmUpCases()),
        get("rounds", size.rounds()), get("casesPerRound", size.casesPerRound()),
        get("parallelReports", size.parallelReports()), get("parallelBursts", size.parallelBursts()),
        get("closed", size.closedCases()),
        get("open", size.openCases()), get("samples", size.samples()), size.chunk(),
        parts(System.getProperty("benchmark.parts", "all")));
  }

  private static String parts(String parts) {
    if (!List.of("all", "startup", "startups", "daily").contains(parts)) {
      throw new IllegalArgumentException("benchmark.parts is all, startup, startups or daily, not " + parts);
    }
    return parts;
  }

  /** Only with {@code all} and {@code daily}: the decade of data on PostgreSQL. */
  boolean runsDailyRequests() {
    return parts.equals("all") || parts.equals("daily");
  }

  /** False with {@code -Dbenchmark.parts=daily}: start-up, full cases and parallel reports are left out. */
  boolean runsStartupParts() {
    return !parts.equals("daily");
  }

  /** {@code -Dbenchmark.plans=true}: the query plans of the CPO's lists are written ({@link ListPlans}). */
  boolean writesPlans() {
    return Boolean.getBoolean("benchmark.plans");
  }

  /** False with {@code -Dbenchmark.parts=startups}: only the start-ups are measured. */
  boolean runsCases() {
    return !parts.equals("startups");
  }

  /** A size scaled down (or up) for one run: {@code -Dbenchmark.open=1000}. */
  private static int get(String name, int standard) {
    return Integer.getInteger("benchmark." + name, standard);
  }

  /** Children the closed cases are filed under: about five cases per child. */
  int children() {
    return Math.max(1, closedCases / 5);
  }
}
