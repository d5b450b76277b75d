package com.caisschool.safeguarding.casefile;

/** What a chronology entry records, and what people read for it. */
public enum EntryKind {
  /** A report started the case (a concern, or a pathway reported directly). */
  REPORT("Report"),
  /** A concern opened a pathway (self-harm, allegation, bullying) under its reference. */
  PATHWAY_OPENED("Pathway opened"),
  /** A person completed a task: what they recorded. */
  TASK_COMPLETED("Task completed"),
  /** A person completed a task that decides, with the reason the form required. */
  DECISION("Decision"),
  /** The authorities were contacted or reported to. */
  AUTHORITY_CONTACT("Contact with the authorities"),
  /** A deadline passed and the model escalated or reminded (a timer on a task). */
  ESCALATION("Deadline passed"),
  /** A scheduled time arrived, such as the next monitoring review (a timer between steps). */
  TIMER("Scheduled time reached"),
  /** People were alerted (by their role, never with the case's facts). */
  NOTIFICATION("Alert sent"),
  /** The case (or one of its pathways) ended. */
  CLOSURE("Closed"),
  /** The file was exported (for a transfer or the authorities). */
  EXPORT("Exported"),
  /** A correction of an earlier entry, which stays as it was. */
  CORRECTION("Correction"),
  /** The retention rule flagged the child's file for review. */
  RETENTION_DUE("Due for retention review"),
  /** The CPO decided what happens to a file due for review. */
  RETENTION_DECISION("Retention decision"),
  /** The case was ended before its model's end, by a person, with the reason. */
  ENDED_EARLY("Ended early"),
  /** An administrator moved the running case to another version of its model. */
  MODEL_VERSION_CHANGED("Moved to a new model version"),
  /** A person completed a task offered to them as cover for an absent CPO or deputy. */
  ACTED_UNDER_COVER("Acted under cover");

  private final String label;

  EntryKind(String label) {
    this.label = label;
  }

  /** What the case file and its PDF call this kind of entry. */
  public String label() {
    return label;
  }
}
