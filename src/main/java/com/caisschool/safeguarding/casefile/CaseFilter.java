package com.caisschool.safeguarding.casefile;

/** What the CPO narrows the case list to; null or false means "any". */
public record CaseFilter(State state, String category, String courseOfAction, boolean overdue,
    boolean lateReports) {

  public enum State { ANY, OPEN, CLOSED }

  public static CaseFilter of(String state, String category, String courseOfAction, boolean overdue,
      boolean lateReports) {
    State chosen = state == null || state.isBlank() ? State.ANY : State.valueOf(state.toUpperCase());
    return new CaseFilter(chosen, blankToNull(category), blankToNull(courseOfAction), overdue, lateReports);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
