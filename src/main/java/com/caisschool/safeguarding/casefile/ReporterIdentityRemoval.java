package com.caisschool.safeguarding.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Takes the reporter's name and contact ({@code safeguarding.case-file.reporter-identity-variables})
 * out of the running process, once its case file holds them. This changes the engine's state, on
 * purpose: a process variable is readable by anyone holding one of the case's tasks (a teacher, a
 * counselor), while who reported is for the CPO and the deputy only (flows.md), who read it in
 * the case file. Run right after the file is opened, in the same transaction, so the identity is
 * never lost and never left behind.
 */
@Component
class ReporterIdentityRemoval {

  private final CaseFileProperties rules;

  ReporterIdentityRemoval(CaseFileProperties rules) {
    this.rules = rules;
  }

  void removeFromProcess(DelegateExecution execution) {
    rules.reporterIdentityVariables().forEach(execution::removeVariable);
  }
}
