package com.caisschool.safeguarding.accesslog;

/** Through which door someone read a case's facts. */
public enum WayIn {
  CASE_FILE("Case file page"),
  CHILD_FILE("Child's file page"),
  PDF_EXPORT("PDF export"),
  ACCESS_LOG("Access log page"),
  TASK_FORM("Task form (Tasklist)"),
  COCKPIT("Cockpit"),
  REST_API("REST API");

  private final String label;

  WayIn(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
