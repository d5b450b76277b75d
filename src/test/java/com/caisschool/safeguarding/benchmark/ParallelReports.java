package com.caisschool.safeguarding.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** (c) Many teachers report at the same moment: how many reports succeed, and how long they take. */
final class ParallelReports {

  private static final long LIMIT_SECONDS = 300;
  private final Map<String, Timings> timings = new HashMap<>();
  private final int sent;

  private ParallelReports(int sent) {
    this.sent = sent;
  }

  static ParallelReports run(ConcernArm app, ConcernArm bare, int reports) {
    ParallelReports result = new ParallelReports(reports);
    for (ConcernArm arm : List.of(app, bare)) {
      result.timings.put(arm.name(), send(arm, reports));
    }
    return result;
  }

  /** Sends the reports from as many threads, released together; a report not answered in time counts as unanswered. */
  private static Timings send(ConcernArm arm, int reports) {
    Timings timings = new Timings();
    ExecutorService threads = Executors.newFixedThreadPool(reports);
    CountDownLatch ready = new CountDownLatch(reports);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < reports; i++) {
        String child = "Parallel " + i + "-Testchild";
        replies.add(threads.submit(() -> {
          ready.countDown();
          go.await();
          return timings.time(() -> arm.report(child).status());
        }));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
      for (Future<Integer> reply : replies) {
        try {
          reply.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException unanswered) {
          reply.cancel(true);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      threads.shutdownNow();
    }
    return timings;
  }

  /** Reports answered with any HTTP status. */
  int answered(String arm) {
    return timings.get(arm).count();
  }

  void report(BenchmarkTable table) {
    Timings app = timings.get("application");
    Timings bare = timings.get("bare");
    table.add(sent + " reports in parallel", summary(app), summary(bare),
        Timings.ratio(app.percentile(95) / bare.percentile(95)) + " (p95)");
  }

  private String summary(Timings arm) {
    Map<Integer, Long> byStatus = new HashMap<>();
    arm.statuses().forEach(status -> byStatus.merge(status, 1L, Long::sum));
    return arm.answeredWith(200) + " of " + sent + " succeeded (statuses " + byStatus + "), p95 " + Timings.ms(arm.percentile(95));
  }
}
