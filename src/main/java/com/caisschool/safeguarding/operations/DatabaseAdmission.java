package com.caisschool.safeguarding.operations;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many requests work with the database at once on this node ({@code safeguarding.admission}):
 * fewer than the connection pool holds once the job executor has its share, so that a request let
 * in always finds a connection at once. A burst (a class reporting together) waits here, in
 * arrival order, for up to {@code wait}, rather than for a connection, whose short timeout means
 * "the database cannot be reached". A request still without a place after the wait is told the
 * system is busy and that nothing was saved (503).
 */
public class DatabaseAdmission {

  /** A place taken; closing it lets the next request in. */
  public interface Place extends AutoCloseable {
    @Override
    void close();
  }

  private final Semaphore places;
  private final Duration wait;

  public DatabaseAdmission(int concurrentRequests, Duration wait) {
    if (concurrentRequests < 1 || wait == null || wait.isNegative()) {
      throw new IllegalArgumentException(
          "safeguarding.admission needs concurrent-requests >= 1 and a wait of zero or more");
    }
    this.places = new Semaphore(concurrentRequests, true);
    this.wait = wait;
  }

  /** A place, or empty when none came free within the wait. */
  public Optional<Place> tryEnter() {
    try {
      if (!places.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    return Optional.of(new Place() {
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
