package com.caisschool.safeguarding.reporting;

/** All a reporter may learn about their report: never who handles it, never what was decided. */
enum CaseStatus {
  /** No one has acted on the case yet. */
  RECEIVED,
  /** Someone has taken up or finished a task of the case, and it is still open. */
  BEING_HANDLED,
  /** No process of the case is running any more. */
  CLOSED
}
