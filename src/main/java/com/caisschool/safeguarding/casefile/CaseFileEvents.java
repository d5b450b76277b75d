package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.caseprocess.CaseDeclaration;
import com.caisschool.safeguarding.notification.Notification;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where the case file hears of a case's steps: built-in listeners of every model
 * ({@link CaseFilePlugin}: an edited model cannot drop them) and the notification log. It only decides
 * which step of the case file an event is, in the order they must happen; each step is its own
 * class. Everything runs inside the engine's transaction, so the file records a step exactly once,
 * when it commits, and never a step that was rolled back. Processes that do not declare themselves
 * a case ({@link CaseDeclaration}) have no case file.
 */
@Component
class CaseFileEvents {

  private final CaseFileOpening opening;
  private final ReporterIdentityRemoval reporterIdentity;
  private final StepEntries steps;
  private final CourseOfActionRecording courseOfAction;
  private final ReportCorrectionRecording reportCorrection;
  private final CaseFileClosing closing;
  private final CaseFiles caseFiles;
  private final FilesKnownToExist known;

  CaseFileEvents(CaseFileOpening opening, ReporterIdentityRemoval reporterIdentity, StepEntries steps,
      CourseOfActionRecording courseOfAction, ReportCorrectionRecording reportCorrection, CaseFileClosing closing,
      CaseFiles caseFiles, FilesKnownToExist known) {
    this.known = known;
    this.opening = opening;
    this.reporterIdentity = reporterIdentity;
    this.steps = steps;
    this.courseOfAction = courseOfAction;
    this.reportCorrection = reportCorrection;
    this.closing = closing;
    this.caseFiles = caseFiles;
  }

  /** A process started or ended, a start event or a timer ended ({@link CaseFilePlugin}). */
  void onExecution(DelegateExecution execution) {
    if (!isRecorded(execution)) {
      return;
    }
    openIfNew(execution);
    if (CaseFileClosing.endsTheProcess(execution)) {
      closing.close(execution);
    } else if (StepEntries.passesATimer(execution)) {
      steps.timerPassed(execution);
    }
  }

  /** A user task was completed. */
  void onTaskCompleted(DelegateTask task) {
    if (task.getExecution() == null || !isRecorded(task.getExecution())) {
      return;
    }
    openIfNew(task.getExecution());
    steps.taskCompleted(task);
    courseOfAction.taskCompleted(task);
    reportCorrection.taskCompleted(task);
  }

  @EventListener
  public void onNotification(Notification notification) {
    if (notification.processInstanceId() == null || known.contains(notification.processInstanceId())
        || caseFiles.exists(notification.processInstanceId())) {
      steps.notified(notification);
    }
  }

  /**
   * A case process once it has its case reference (given by its first step, which opens the file).
   */
  private static boolean isRecorded(DelegateExecution execution) {
    return execution.getProcessBusinessKey() != null && CaseDeclaration.isCase(execution);
  }

  /** The reporter's identity leaves the process only once the file that keeps it is written. */
  private void openIfNew(DelegateExecution execution) {
    if (opening.openIfNew(execution)) {
      reporterIdentity.removeFromProcess(execution);
    }
  }
}
