package com.caisschool.safeguarding.atrest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application has started, on one node of the cluster at a time (the lock
 * {@value #LOCK} in {@code scheduler_lock}), every {@link ClearValues} rewrites what an earlier
 * version left in clear, or what a retired key still protects. A node that finds the lock taken
 * leaves it to the node holding it; there is nothing to do the next time it starts.
 */
@Component
class EncryptionAtStartup {

  static final String LOCK = "encrypt-clear-values";
  private static final Logger log = LoggerFactory.getLogger(EncryptionAtStartup.class);

  private final List<ClearValues> stores;
  private final LockProvider locks;

  EncryptionAtStartup(List<ClearValues> stores, LockProvider locks) {
    this.stores = stores;
    this.locks = locks;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void encryptWhatIsLeftInClear() {
    locks.lock(new LockConfiguration(Instant.now(), LOCK, Duration.ofHours(2), Duration.ZERO)).ifPresent(lock -> {
      try {
        int rewritten = stores.stream().mapToInt(ClearValues::encrypt).sum();
        if (rewritten > 0) {
          log.info("Protected at rest: {} values written before encryption (or under a retired key) rewritten", rewritten);
        }
      } finally {
        lock.unlock();
      }
    });
  }
}
