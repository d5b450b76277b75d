package com.caisschool.safeguarding.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The running processes whose case file this node has seen committed, so that each step of a case
 * does not ask the database again whether its file exists (issue 25: one statement per step).
 * <p>
 * Safe across nodes and restarts because the answer only ever turns from "no" to "yes" while a
 * process runs: a file is written once, in the transaction that opens it, and removed only by
 * destruction, which refuses a case that is still running ({@link Destruction}). So only "yes" is
 * kept, and only once the transaction that wrote or read it has committed (a rolled-back opening
 * is never remembered); a process not remembered is asked about as before. A process's entry is
 * let go once its closing commits, and at most {@link #MOST} are kept (the oldest go first), so the
 * set stays small whatever runs.
 */
@Component
class FilesKnownToExist {

  /** Far more cases than run at once at a school; beyond it, the oldest are asked about again. */
  static final int MOST = 10_000;

  private final Set<String> known = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MOST;
        }
      }));

  /** True when this process's file was seen committed; false says only "ask the database". */
  boolean contains(String processInstanceId) {
    return known.contains(processInstanceId);
  }

  /** The file exists in the current transaction: remembered once it commits. */
  void rememberOnCommit(String processInstanceId) {
    afterCommit(() -> known.add(processInstanceId));
  }

  /** The process ended in the current transaction: let go once it commits. */
  void forgetOnCommit(String processInstanceId) {
    afterCommit(() -> known.remove(processInstanceId));
  }

  private static void afterCommit(Runnable change) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return; // no transaction to wait for: nothing is remembered
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        change.run();
      }
    });
  }

  /** How many processes are remembered (for tests). */
  int size() {
    return known.size();
  }
}
