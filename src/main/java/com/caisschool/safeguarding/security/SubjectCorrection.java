package com.caisschool.safeguarding.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * The CPO's correction at triage of who a case is about: the person now named is resolved as a
 * report's subject is ({@link SubjectNaming}); the case is hidden from them from this step on
 * (their walls are raised before the step commits) and no longer from the person named before,
 * unless a rule still hides it from them (a case about the Head, from every Head).
 */
@Component
public class SubjectCorrection {

  private final SubjectNaming naming;
  private final CaseSubjects subjects;
  private final CaseAccess caseAccess;
  private final ToldOfCase told;
  private final String userVariable;

  SubjectCorrection(SubjectNaming naming, CaseSubjects subjects, CaseAccess caseAccess, ToldOfCase told,
      AccessProperties access) {
    this.userVariable = access.subject().userVariable();
    this.naming = naming;
    this.subjects = subjects;
    this.caseAccess = caseAccess;
    this.told = told;
  }

  /** The case variable that names the user a case is about ({@code safeguarding.access.subject.user-variable}). */
  public String userVariable() {
    return userVariable;
  }

  /**
   * Moves the wall from {@code previousUserId} (may be null) to the user {@code named} means;
   * returns that user's id. A name that means no one user is refused (400), nothing changed.
   */
  public String correct(String caseReference, String processInstanceId, String previousUserId, String named) {
    String subject = naming.resolve(named, named);
    if (subject == null) {
      throw new BadUserRequestException("The corrected person is not one user at school: give their user name"
          + " or email (correctedSubjectUserId)");
    }
    boolean newlyNamed = !subjects.hiddenFrom(subject, caseReference);
    subjects.correct(caseReference, previousUserId, subject);
    caseAccess.wallOff(subject, caseReference);
    if (newlyNamed) {
      told.subjectNamed(caseReference, subject, processInstanceId);
    }
    if (previousUserId != null && !previousUserId.equals(subject) && !subjects.hiddenFrom(previousUserId, caseReference)) {
      caseAccess.unwall(previousUserId, caseReference);
    }
    return subject;
  }
}
