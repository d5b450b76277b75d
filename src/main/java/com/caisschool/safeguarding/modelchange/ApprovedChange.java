package com.caisschool.safeguarding.modelchange;

import java.util.function.Supplier;

/**
 * Who proposed and who approved the deployment this thread is making, while an approved proposal
 * is deployed: the deployment gate records both.
 */
record ApprovedChange(long proposalId, String proposedBy, String approvedBy) {

  private static final ThreadLocal<ApprovedChange> CURRENT = new ThreadLocal<>();

  static ApprovedChange current() {
    return CURRENT.get();
  }

  <T> T run(Supplier<T> deployment) {
    CURRENT.set(this);
    try {
      return deployment.get();
    } finally {
      CURRENT.remove();
    }
  }
}
