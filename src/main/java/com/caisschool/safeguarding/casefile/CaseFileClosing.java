package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.caseprocess.CaseDeclaration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Closes a case's file when its process ends, completed or cancelled, with a closure entry. */
@Component
class CaseFileClosing {

  private final CaseFiles caseFiles;
  private final Chronology chronology;
  private final Actors actors;
  private final OncePerTransaction once;
  private final FilesKnownToExist known;

  CaseFileClosing(CaseFiles caseFiles, Chronology chronology, Actors actors, OncePerTransaction once,
      FilesKnownToExist known) {
    this.known = known;
    this.caseFiles = caseFiles;
    this.chronology = chronology;
    this.actors = actors;
    this.once = once;
  }

  /**
   * The process instance ends: the end event of its root activity instance, whose id is the
   * process instance's own.
   */
  static boolean endsTheProcess(DelegateExecution execution) {
    return "end".equals(execution.getEventName())
        && execution.getProcessInstanceId().equals(execution.getActivityInstanceId());
  }

  /** Closes the file, once per transaction however many executions report the end. */
  void close(DelegateExecution execution) {
    if (!once.first("closed", execution.getProcessInstanceId())) {
      return;
    }
    known.forgetOnCommit(execution.getProcessInstanceId());
    Instant now = EngineTime.now();
    caseFiles.closed(execution.getProcessInstanceId(), now);
    chronology.append(ChronologyEntry.of(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), now,
        actors.current(null), EntryKind.CLOSURE, CaseDeclaration.processOf(execution).getId(), null,
        execution.isCanceled() ? "Cancelled before its end" : "Completed", null));
  }
}
