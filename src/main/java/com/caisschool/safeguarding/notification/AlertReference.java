package com.caisschool.safeguarding.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What an alert names a process by: a case its case reference (the business key), a standing duty
 * (which has no business key, so it never becomes a case file) its {@code dutyReference}.
 */
public final class AlertReference {

  public static final String VARIABLE = "dutyReference";

  private AlertReference() {}

  public static String of(DelegateExecution execution) {
    String caseReference = execution.getProcessBusinessKey();
    if (caseReference != null) {
      return caseReference;
    }
    Object duty = execution.getVariable(VARIABLE);
    if (duty == null) {
      throw new IllegalStateException("Process " + execution.getProcessDefinitionId()
          + " has neither a case reference nor a dutyReference to name in an alert");
    }
    return duty.toString();
  }
}
