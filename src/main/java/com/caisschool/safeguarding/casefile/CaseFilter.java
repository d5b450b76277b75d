package com.caisschool.safeguarding.casefile;

import java.util.Locale;

/**
 * What the CPO narrows the case list to; null or false means "any". {@code child} is the search
 * box: a student id or a whole name, matched through the blind index.
 */
public record CaseFilter(State state, String category, String courseOfAction, boolean overdue,
    boolean lateReports, String child) {

  public enum State { ANY, OPEN, CLOSED }

  public static CaseFilter of(String state, String category, String courseOfAction, boolean overdue,
      boolean lateReports, String child) {
    return new CaseFilter(state(state), blankToNull(category), blankToNull(courseOfAction), overdue, lateReports,
        blankToNull(child));
  }

  private static State state(String state) {
    if (state == null || state.isBlank()) {
      return State.ANY;
    }
    return switch (state.trim().toLowerCase(Locale.ROOT)) {
      case "any" -> State.ANY;
      case "open" -> State.OPEN;
      case "closed" -> State.CLOSED;
      default -> throw new IllegalArgumentException("The state is open, closed or empty (any).");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
