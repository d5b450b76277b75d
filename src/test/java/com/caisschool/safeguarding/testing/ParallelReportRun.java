package com.caisschool.safeguarding.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Sends reports from as many threads, released together, and keeps each answer's status and time
 * (the parallel reports of issue 18; the benchmark's ParallelReports measures the same on a
 * loaded database).
 */
public final class ParallelReportRun {

  /** One answer: HTTP status and milliseconds. */
  public record Answer(int status, long millis) {}

  private ParallelReportRun() {}

  public static List<Answer> send(int reports, IntFunction<Integer> report) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(reports);
    CountDownLatch ready = new CountDownLatch(reports);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < reports; i++) {
        int n = i;
        answers.add(threads.submit(() -> {
          ready.countDown();
          go.await();
          long start = System.nanoTime();
          int status = report.apply(n);
          return new Answer(status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<Answer> result = new ArrayList<>();
      for (Future<Answer> answer : answers) {
        result.add(answer.get(5, TimeUnit.MINUTES));
      }
      return result;
    } finally {
      threads.shutdownNow();
    }
  }

  /** "30 answered 200, slowest 1234 ms, median 456 ms" for the test's output. */
  public static String summary(List<Answer> answers) {
    List<Long> times = answers.stream().map(Answer::millis).sorted().toList();
    return answers.size() + " answers, statuses " + answers.stream().map(Answer::status).distinct().sorted().toList()
        + ", median " + times.get(times.size() / 2) + " ms, slowest " + times.get(times.size() - 1) + " ms";
  }
}
