package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A password that passed is remembered only for its user, its stored hash and a short while. */
class RecentPasswordChecksTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  };
  private final RecentPasswordChecks checks = new RecentPasswordChecks(Duration.ofMinutes(1), clock);

  @Test
  void theSamePasswordAgainstTheSameStoredHashPassesWithinTheTime() {
    checks.passed("cpo", "right", "{SHA-512}stored");
    assertThat(checks.passedLately("cpo", "right", "{SHA-512}stored")).isTrue();
    now.set(now.get().plusSeconds(61));
    assertThat(checks.passedLately("cpo", "right", "{SHA-512}stored")).as("after the time").isFalse();
  }

  @Test
  void anotherPasswordAnotherUserOrAChangedStoredHashIsCheckedAgain() {
    checks.passed("cpo", "right", "{SHA-512}stored");
    assertThat(checks.passedLately("cpo", "wrong", "{SHA-512}stored")).isFalse();
    assertThat(checks.passedLately("dcpo", "right", "{SHA-512}stored")).isFalse();
    assertThat(checks.passedLately("cpo", "right", "{SHA-512}changed")).as("password changed").isFalse();
    assertThat(checks.passedLately("cpo", "right", null)).as("user deleted or without a password").isFalse();
  }

  @Test
  void aWrongPasswordEndsWhatWasRememberedAndZeroRemembersNothing() {
    checks.passed("cpo", "right", "{SHA-512}stored");
    checks.failed("cpo");
    assertThat(checks.passedLately("cpo", "right", "{SHA-512}stored")).isFalse();

    RecentPasswordChecks never = new RecentPasswordChecks(Duration.ZERO, clock);
    never.passed("cpo", "right", "{SHA-512}stored");
    assertThat(never.passedLately("cpo", "right", "{SHA-512}stored")).isFalse();
  }

  @Test
  void eachCheckStandsAloneOnTheSameThreadAndOnOthers() throws Exception {
    checks.passed("cpo", "right", "{SHA-512}stored");
    checks.passed("dcpo", "other", "{SHA-512}stored");
    // One thread's MAC serves check after check: nothing of one carries into the next.
    for (int i = 0; i < 3; i++) {
      assertThat(checks.passedLately("cpo", "wrong", "{SHA-512}stored")).isFalse();
      assertThat(checks.passedLately("cpo", "right", "{SHA-512}stored")).isTrue();
      assertThat(checks.passedLately("dcpo", "right", "{SHA-512}stored")).isFalse();
      assertThat(checks.passedLately("dcpo", "other", "{SHA-512}stored")).isTrue();
    }
    // A password remembered on one thread is recognised on another, and only that password.
    AtomicReference<Boolean> right = new AtomicReference<>();
    AtomicReference<Boolean> wrong = new AtomicReference<>();
    Thread other = new Thread(() -> {
      right.set(checks.passedLately("cpo", "right", "{SHA-512}stored"));
      wrong.set(checks.passedLately("cpo", "wrong", "{SHA-512}stored"));
    });
    other.start();
    other.join();
    assertThat(right.get()).isTrue();
    assertThat(wrong.get()).isFalse();
  }
}
