package com.caisschool.safeguarding.benchmark;

/**
 * How much the benchmark does: {@code quick} in every build (small data, so it cannot rot),
 * {@code full} with {@code -Pbenchmark} (README "Performance"). The data set of a full run can be
 * scaled with {@code -Dbenchmark.open=} and {@code -Dbenchmark.closed=}.
 */
record BenchmarkSize(String mode, int startups, int warmUpCases, int rounds, int casesPerRound, int parallelReports,
    int closedCases, int openCases, int samples, int chunk) {

  static BenchmarkSize fromSystemProperties() {
    String mode = System.getProperty("benchmark.mode", "quick");
    BenchmarkSize size = switch (mode) {
      case "full" -> new BenchmarkSize(mode, 3, 5, 10, 20, 30, 100_000, 5_000, 50, 10_000);
      case "quick", "" -> new BenchmarkSize("quick", 1, 1, 2, 2, 6, 200, 12, 3, 100);
      default -> throw new IllegalArgumentException("benchmark.mode is quick or full, not " + mode);
    };
    return size.withData(Integer.getInteger("benchmark.closed", size.closedCases()),
        Integer.getInteger("benchmark.open", size.openCases()));
  }

  private BenchmarkSize withData(int closed, int open) {
    return new BenchmarkSize(mode, startups, warmUpCases, rounds, casesPerRound, parallelReports, closed, open,
        samples, chunk);
  }

  /** Children the closed cases are filed under: about five cases per child. */
  int children() {
    return Math.max(1, closedCases / 5);
  }
}
