package com.caisschool.safeguarding.casefile;

/** What a chronology entry records. */
public enum EntryKind {
  /** A report started the case (a concern, or a pathway reported directly). */
  REPORT,
  /** A concern opened a pathway (self-harm, allegation, bullying) under its reference. */
  PATHWAY_OPENED,
  /** A person completed a task: what they recorded. */
  TASK_COMPLETED,
  /** A person completed a task that decides, with the reason the form required. */
  DECISION,
  /** The authorities were contacted or reported to. */
  AUTHORITY_CONTACT,
  /** A deadline passed and the model escalated or reminded (a timer on a task). */
  ESCALATION,
  /** A scheduled time arrived, such as the next monitoring review (a timer between steps). */
  TIMER,
  /** People were alerted (by their role, never with the case's facts). */
  NOTIFICATION,
  /** The case (or one of its pathways) ended. */
  CLOSURE,
  /** The file was exported (for a transfer or the authorities). */
  EXPORT,
  /** A correction of an earlier entry, which stays as it was. */
  CORRECTION,
  /** The retention rule flagged the child's file for review. */
  RETENTION_DUE,
  /** The CPO decided what happens to a file due for review. */
  RETENTION_DECISION,
  /** The case was ended before its model's end, by a person, with the reason. */
  ENDED_EARLY,
  /** An administrator moved the running case to another version of its model. */
  MODEL_VERSION_CHANGED,
  /** A person completed a task offered to them as cover for an absent CPO or deputy. */
  ACTED_UNDER_COVER
}
