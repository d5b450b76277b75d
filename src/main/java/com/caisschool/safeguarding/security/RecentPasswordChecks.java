package com.caisschool.safeguarding.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Passwords that passed the identity store's check lately, so that HTTP Basic (the password again
 * on every REST request) does not run that check at every call (issue 25). Per user it keeps a
 * keyed hash of the password that passed (HMAC-SHA-256 under a key made at start, never stored or
 * logged, so the map holds nothing a password can be read or guessed back from without the key)
 * and the stored password hash it passed against. An entry counts only while the user's stored
 * hash is the same (a new password, set by the user or in Admin, ends it at once; a deleted user
 * has none) and for at most {@code safeguarding.password-checks.remember-for} (PT0S: never
 * remembered). The sign-in throttle is asked before this, as before every check.
 */
@Component
class RecentPasswordChecks {

  private static final String ALGORITHM = "HmacSHA256";
  /** More users than a school has: beyond this the map is emptied rather than grown. */
  private static final int MAX_ENTRIES = 10_000;

  private final Duration rememberFor;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Entry> passed = new ConcurrentHashMap<>();
  /**
   * One MAC per thread, initialised with the key once: looking one up and initialising it was most of
   * a remembered check's cost, at every REST request (issue 25). A MAC is not thread-safe, and
   * {@code doFinal} leaves it reset for the next value.
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  @Autowired
  RecentPasswordChecks(@Value("${safeguarding.password-checks.remember-for:PT1M}") Duration rememberFor) {
    this(rememberFor, Clock.systemUTC());
  }

  RecentPasswordChecks(Duration rememberFor, Clock clock) {
    this.rememberFor = rememberFor;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** Whether this password passed for this user lately, against the stored hash they still have. */
  boolean passedLately(String userId, String password, String storedHash) {
    Entry entry = passed.get(userId);
    if (entry == null || storedHash == null || !storedHash.equals(entry.storedHash())
        || clock.instant().isAfter(entry.until())) {
      return false;
    }
    return MessageDigest.isEqual(entry.mac(), mac(userId, password));
  }

  void passed(String userId, String password, String storedHash) {
    if (rememberFor.isZero() || rememberFor.isNegative() || storedHash == null) {
      return;
    }
    if (passed.size() >= MAX_ENTRIES) {
      passed.clear();
    }
    passed.put(userId, new Entry(mac(userId, password), storedHash, clock.instant().plus(rememberFor)));
  }

  /** A wrong password ends what was remembered for the user. */
  void failed(String userId) {
    passed.remove(userId);
  }

  private byte[] mac(String userId, String password) {
    Mac mac = macs.get();
    mac.update(userId.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
    }
  }

  private record Entry(byte[] mac, String storedHash, Instant until) {}
}
