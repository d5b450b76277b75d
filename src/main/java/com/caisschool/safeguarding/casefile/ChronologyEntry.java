package com.caisschool.safeguarding.casefile;

import java.time.Instant;

/** One line of a case's chronology: what happened, when, who did it, at which step, and why. */
public record ChronologyEntry(long id, String caseReference, String processInstanceId, Instant occurredAt,
    String actor, EntryKind kind, String stepId, String stepName, String details, String reason,
    Long correctsEntryId) {

  /** A new entry, before it is stored. */
  public static ChronologyEntry of(String caseReference, String processInstanceId, Instant occurredAt,
      String actor, EntryKind kind, String stepId, String stepName, String details, String reason) {
    return new ChronologyEntry(0, caseReference, processInstanceId, occurredAt, actor, kind, stepId,
        stepName, details, reason, null);
  }
}
