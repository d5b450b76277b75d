package com.caisschool.safeguarding.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Slows password guessing without letting a guesser shut anyone out for good (issue 18):
 * <ul>
 *   <li>a client address with {@code maxFailuresPerClient} wrong passwords within {@code window}
 *       may not try again, for any account, until the oldest of them leaves the window;</li>
 *   <li>one account tried from one address: at most {@code maxFailuresPerUserAndClient};</li>
 *   <li>one account from all addresses together: after a wrong password the next try waits
 *       {@code userPause}, so a guesser spread over many addresses gets a few guesses a minute.
 *       An address this account signed in from before is not held up by this, so a guesser who
 *       keeps trying does not keep the owner out.</li>
 * </ul>
 * Every limit ends by itself; an administrator lifts them at once with the engine's unlock
 * ({@link AdminUnlock}). Counted in memory, per application node. Times from the engine clock.
 */
public class SignInThrottle {

  /** {@code safeguarding.sign-in-throttle} (README "Signing in"). */
  public record Limits(int maxFailuresPerClient, int maxFailuresPerUserAndClient, Duration window,
      Duration userPause) {}

  private final Limits limits;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  /** Account and address pairs that signed in successfully (since this node started). */
  private final Map<String, Instant> known = new ConcurrentHashMap<>();

  public SignInThrottle(Limits limits) {
    this.limits = limits;
  }

  /** False while this client, or this account from this client, may not try. */
  public boolean mayTry(String userId, String client) {
    Instant now = now();
    return recent("client:" + client, now) < limits.maxFailuresPerClient()
        && recent(pair(userId, client), now) < limits.maxFailuresPerUserAndClient()
        && (known.containsKey(pair(userId, client))
            || lastFailureOf(userId).map(last -> !now.isBefore(last.plus(limits.userPause()))).orElse(true));
  }

  public void failed(String userId, String client) {
    Instant now = now();
    for (String key : new String[] {"client:" + client, pair(userId, client), "user:" + userId}) {
      failures.compute(key, (k, times) -> {
        Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
        kept.addLast(now);
        dropOld(kept, now);
        return kept;
      });
    }
    if (failures.size() > 100_000) {
      failures.entrySet().removeIf(entry -> {
        dropOld(entry.getValue(), now);
        return entry.getValue().isEmpty();
      });
    }
  }

  /** The right password: this account's count from this client starts again. */
  public void succeeded(String userId, String client) {
    failures.remove(pair(userId, client));
    if (known.size() < 100_000) {
      known.put(pair(userId, client), now());
    }
  }

  /** An administrator's unlock: every limit on this account is lifted. */
  public void unlock(String userId) {
    failures.remove("user:" + userId);
    failures.keySet().removeIf(key -> key.startsWith("pair:" + userId.length() + ":" + userId + "@"));
  }

  private int recent(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      return (int) times.stream().filter(at -> at.isAfter(now.minus(limits.window()))).count();
    }
  }

  private java.util.Optional<Instant> lastFailureOf(String userId) {
    Deque<Instant> times = failures.get("user:" + userId);
    if (times == null) {
      return java.util.Optional.empty();
    }
    synchronized (times) {
      return java.util.Optional.ofNullable(times.peekLast());
    }
  }

  private void dropOld(Deque<Instant> times, Instant now) {
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(limits.window()))) {
        times.removeFirst();
      }
    }
  }

  private static String pair(String userId, String client) {
    return "pair:" + userId.length() + ":" + userId + "@" + client;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
