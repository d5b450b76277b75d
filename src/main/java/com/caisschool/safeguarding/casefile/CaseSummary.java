package com.caisschool.safeguarding.casefile;

import java.time.Instant;

/** One process of a case as the case file lists it. */
public record CaseSummary(String processInstanceId, String caseReference, String processKey, Long childId,
    String childName, String categories, boolean reportedLate, Instant openedAt, Instant closedAt,
    String courseOfAction) {

  public boolean open() {
    return closedAt == null;
  }
}
