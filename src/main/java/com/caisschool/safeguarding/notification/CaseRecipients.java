package com.caisschool.safeguarding.notification;

import java.util.Set;

/**
 * Who must not be told about a case (the people it is about), and which group is told in place of
 * a group whose every member is one of them. Asked for every alert, reminder and escalation.
 */
public interface CaseRecipients {

  /** Users no alert about this case may reach. */
  Set<String> excludedFrom(String caseReference);

  /** The group told in place of {@code group} when none of its members may be told; else {@code group}. */
  String actingFor(String group, String caseReference);

  /** No one is left out (cases without subjects, tests of the plain engine). */
  CaseRecipients EVERYONE = new CaseRecipients() {
    @Override
    public Set<String> excludedFrom(String caseReference) {
      return Set.of();
    }

    @Override
    public String actingFor(String group, String caseReference) {
      return group;
    }
  };
}
