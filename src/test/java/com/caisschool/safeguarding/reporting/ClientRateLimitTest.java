package com.caisschool.safeguarding.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket behind the public page's rate limit, on a clock the test moves. */
class ClientRateLimitTest {

  private final AtomicLong now = new AtomicLong();
  private final ClientRateLimit limit = new ClientRateLimit(3, Duration.ofMinutes(3), now::get);

  @Test
  void aClientGetsItsAllowanceThenWaitsForItToRefill() {
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isFalse();

    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(limit.tryAcquire("10.0.0.1")).as("not yet one minute").isFalse();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(limit.tryAcquire("10.0.0.1")).as("one token per minute").isTrue();
    assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
  }

  @Test
  void eachClientHasItsOwnAllowance() {
    for (int i = 0; i < 3; i++) {
      limit.tryAcquire("10.0.0.1");
    }

    assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
    assertThat(limit.tryAcquire("10.0.0.2")).isTrue();
  }

  @Test
  void aLimitThatAllowsNothingIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new ClientRateLimit(0, Duration.ofMinutes(1)))
        .hasMessageContaining("safeguarding.public-report.rate-limit");
  }
}
