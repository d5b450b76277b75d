package com.caisschool.safeguarding.casefile;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's course of action on its file (for the CPO's filters) when a task whose form holds
 * {@code safeguarding.case-file.course-of-action-field} is completed.
 */
@Component
class CourseOfActionRecording {

  private final CaseFiles caseFiles;
  private final TaskFormFields formFields;
  private final CaseFileProperties rules;

  CourseOfActionRecording(CaseFiles caseFiles, TaskFormFields formFields, CaseFileProperties rules) {
    this.caseFiles = caseFiles;
    this.formFields = formFields;
    this.rules = rules;
  }

  void taskCompleted(DelegateTask task) {
    formFields.of(task).stream().filter(field -> field.key().equals(rules.courseOfActionField())).findFirst()
        .map(field -> task.getVariable(field.key()))
        .ifPresent(course -> caseFiles.courseOfAction(task.getProcessInstanceId(), EntryText.text(course)));
  }
}
