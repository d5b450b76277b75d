package com.caisschool.safeguarding.reporting;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code requests} tokens, refilled evenly over {@code per}.
 * In memory, per application node: enough to stop one client flooding the page or trying codes.
 */
public class ClientRateLimit {

  /** Beyond this many tracked clients, buckets that are full again are forgotten. */
  private static final int MAX_TRACKED = 10_000;

  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  ClientRateLimit(int requests, Duration per) {
    this(requests, per, System::nanoTime);
  }

  ClientRateLimit(int requests, Duration per, LongSupplier nanoClock) {
    if (requests < 1 || per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("safeguarding.public-report.rate-limit needs requests >= 1 and a positive period");
    }
    this.capacity = requests;
    this.tokensPerNano = requests / (double) per.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Takes one token for this client; false when it has none left. */
  boolean tryAcquire(String client) {
    long now = nanoClock.getAsLong();
    if (buckets.size() > MAX_TRACKED) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets.computeIfAbsent(client, key -> new Bucket(now)).take(now);
  }

  /** Forgets every client (tests share one application and one client address). */
  public void reset() {
    buckets.clear();
  }

  private final class Bucket {
    private double tokens = capacity;
    private long updated;

    Bucket(long now) {
      this.updated = now;
    }

    synchronized boolean take(long now) {
      refill(now);
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
      updated = now;
    }
  }
}
