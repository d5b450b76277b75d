package com.caisschool.safeguarding.notification;

import java.util.List;

/**
 * An alert the process asks for: what happened (a kind such as {@code triage-overdue}), for which
 * case reference, to which roles. Deliberately no child's name or facts.
 */
public record Notification(String caseReference, String kind, List<String> recipientGroups,
    String processInstanceId, String activityId) {

  /** A recipient {@code user:<id>} is that one person, not a group. */
  public static final String ONE_PERSON = "user:";
}
