package com.caisschool.safeguarding.reporting;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many public reports are recorded at once on this node ({@code
 * safeguarding.public-report.admission}). A report beyond that waits a moment for one to finish;
 * if none does, the reporter gets the page back, in their language, with what they typed and a
 * "busy, send again" message (503), rather than a request that queues for database connections
 * until it times out.
 */
public class ReportAdmission {

  /** A report being recorded; closing it lets the next one in. */
  public interface Admitted extends AutoCloseable {
    @Override
    void close();
  }

  private final Semaphore places;
  private final Duration wait;

  ReportAdmission(int concurrentReports, Duration wait) {
    if (concurrentReports < 1 || wait.isNegative()) {
      throw new IllegalArgumentException(
          "safeguarding.public-report.admission needs concurrent-reports >= 1 and a wait of zero or more");
    }
    this.places = new Semaphore(concurrentReports, true);
    this.wait = wait;
  }

  /** A place to record one report, or empty when every place stayed taken for the whole wait. */
  public Optional<Admitted> tryEnter() {
    try {
      if (!places.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    return Optional.of(new Admitted() {
      private boolean closed;

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          places.release();
        }
      }
    });
  }
}
