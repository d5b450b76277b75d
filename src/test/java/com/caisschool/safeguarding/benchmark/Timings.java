package com.caisschool.safeguarding.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/** Durations of one measured request or step, and the statuses it was answered with. */
final class Timings {

  private final List<Double> millis = new ArrayList<>();
  private final List<Integer> statuses = new ArrayList<>();

  /** Times one call that returns its HTTP status. */
  int time(IntSupplier call) {
    long start = System.nanoTime();
    int status = call.getAsInt();
    add((System.nanoTime() - start) / 1_000_000.0, status);
    return status;
  }

  synchronized void add(double durationMillis, int status) {
    millis.add(durationMillis);
    statuses.add(status);
  }

  /** Adds every duration and status of another measure (read under its lock, then added under this one). */
  void addAll(Timings other) {
    List<Double> otherMillis;
    List<Integer> otherStatuses;
    synchronized (other) {
      otherMillis = List.copyOf(other.millis);
      otherStatuses = List.copyOf(other.statuses);
    }
    synchronized (this) {
      millis.addAll(otherMillis);
      statuses.addAll(otherStatuses);
    }
  }

  /** The duration of the last call timed, in milliseconds. */
  synchronized double last() {
    return millis.get(millis.size() - 1);
  }

  synchronized int count() {
    return millis.size();
  }

  synchronized long answeredWith(int status) {
    return statuses.stream().filter(s -> s == status).count();
  }

  synchronized List<Integer> statuses() {
    return List.copyOf(statuses);
  }

  /** The p-th percentile (nearest rank), 0 &lt; p &le; 100. */
  synchronized double percentile(double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  double median() {
    return percentile(50);
  }

  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.2f×", value);
  }

  /** "p50 x / p95 y" of these timings. */
  String p50p95() {
    return count() == 0 ? "n/a" : "p50 " + ms(percentile(50)) + " / p95 " + ms(percentile(95));
  }
}
