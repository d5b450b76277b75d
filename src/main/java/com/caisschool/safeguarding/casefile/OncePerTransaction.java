package com.caisschool.safeguarding.casefile;

import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the engine's current transaction already did to the case file, so that a step that many
 * engine events report (the opening, the closure) is recorded once, and never for a rolled-back step.
 */
@Component
class OncePerTransaction {

  /** True the first time {@code what} is asked for this process instance in this transaction. */
  boolean first(String what, String processInstanceId) {
    return notes().add(what + ":" + processInstanceId);
  }

  @SuppressWarnings("unchecked")
  private Set<String> notes() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("The case file needs a Spring-managed engine transaction");
    }
    Object notes = TransactionSynchronizationManager.getResource(this);
    if (notes == null) {
      notes = new HashSet<String>();
      TransactionSynchronizationManager.bindResource(this, notes);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(OncePerTransaction.this);
        }
      });
    }
    return (Set<String>) notes;
  }
}
