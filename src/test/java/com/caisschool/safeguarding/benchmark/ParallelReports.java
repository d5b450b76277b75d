package com.caisschool.safeguarding.benchmark;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import java.util.stream.Collectors;

/**
 * (c) Many teachers report at the same moment: how many reports succeed, and how long they take.
 * Several bursts per side, the side that goes first alternating; before each burst both sides have
 * sent every alert of what came before (the full cases, the other side's burst), so no burst runs
 * beside the other JVM's background work. The p95 is over every report of a side; beside it each
 * burst's own p95, so a run decided by one slow burst shows as such.
 */
final class ParallelReports {

  private static final long LIMIT_SECONDS = 300;
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(2);
  private final Map<String, Timings> timings = new HashMap<>();
  private final Map<String, List<Timings>> burstTimings = new HashMap<>();
  private final int sent;
  private final int bursts;

  private ParallelReports(int sent, int bursts) {
    this.sent = sent;
    this.bursts = bursts;
  }

  static ParallelReports run(ConcernArm app, ConcernArm bare, int reports, int bursts) {
    ParallelReports result = new ParallelReports(reports, bursts);
    for (int burst = 0; burst < bursts; burst++) {
      for (ConcernArm arm : burst % 2 == 0 ? List.of(app, bare) : List.of(bare, app)) {
        settle(app);
        settle(bare);
        Timings burstOfArm = new Timings();
        send(arm, reports, burstOfArm);
        result.record(arm.name(), burstOfArm);
      }
    }
    return result;
  }

  private void record(String arm, Timings burst) {
    burstTimings.computeIfAbsent(arm, name -> new ArrayList<>()).add(burst);
    timings.computeIfAbsent(arm, name -> new Timings()).addAll(burst);
  }

  /** Until the side's job executor has run every job due (the alerts): a bounded wait, polled. */
  private static void settle(ConcernArm arm) {
    await().atMost(SETTLE_LIMIT).pollInterval(Duration.ofMillis(20)).until(() -> arm.jobsDue() == 0);
  }

  /** Sends the reports from as many threads, released together; a report not answered in time counts as unanswered. */
  private static void send(ConcernArm arm, int reports, Timings timings) {
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
  }

  /** Reports answered with any HTTP status. */
  int answered(String arm) {
    return timings.get(arm).count();
  }

  void report(BenchmarkTable table) {
    Timings app = timings.get("application");
    Timings bare = timings.get("bare");
    table.add(sent + " reports in parallel", summary("application"), summary("bare"),
        Timings.ratio(app.percentile(95) / bare.percentile(95)) + " (p95)");
  }

  private String summary(String name) {
    Timings arm = timings.get(name);
    Map<Integer, Long> byStatus = new HashMap<>();
    arm.statuses().forEach(status -> byStatus.merge(status, 1L, Long::sum));
    return arm.answeredWith(200) + " of " + sent * bursts + " succeeded in " + bursts + " burst" + (bursts == 1 ? "" : "s")
        + " (statuses " + byStatus + "), p95 " + Timings.ms(arm.percentile(95)) + " (bursts: "
        + burstTimings.get(name).stream().map(burst -> Timings.ms(burst.percentile(95))).collect(Collectors.joining(" / "))
        + ")";
  }
}
