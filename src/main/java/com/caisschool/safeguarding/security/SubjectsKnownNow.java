package com.caisschool.safeguarding.security;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The people a case is about, for a step that must know them while the case's first task is
 * being created (before the access listener has named them): names them from the case's variables
 * first (idempotent: naming again changes nothing), then answers like {@link CaseSubjects}.
 */
@Component
public class SubjectsKnownNow {

  private final SubjectNaming naming;
  private final CaseSubjects subjects;

  SubjectsKnownNow(SubjectNaming naming, CaseSubjects subjects) {
    this.naming = naming;
    this.subjects = subjects;
  }

  public Set<String> usersHiddenFrom(String caseReference, DelegateExecution caseVariables) {
    if (caseVariables != null) {
      naming.record(caseReference, caseVariables);
    }
    return subjects.usersHiddenFrom(caseReference);
  }
}
