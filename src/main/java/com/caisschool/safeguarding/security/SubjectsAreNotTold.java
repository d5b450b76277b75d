package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.notification.CaseRecipients;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Alerts follow the same rule as every other way in: the people a case is about are never told,
 * and a group made up only of them is replaced by the group configured to act for it
 * ({@code safeguarding.access.alternates}).
 */
@Component
class SubjectsAreNotTold implements CaseRecipients {

  private final CaseSubjects subjects;
  private final IdentityService identities;
  private final Map<String, String> alternates;

  SubjectsAreNotTold(CaseSubjects subjects, IdentityService identities, AccessProperties access) {
    this.subjects = subjects;
    this.identities = identities;
    this.alternates = access.alternates();
  }

  @Override
  public Set<String> excludedFrom(String caseReference) {
    return caseReference == null ? Set.of() : subjects.usersHiddenFrom(caseReference);
  }

  @Override
  public String actingFor(String group, String caseReference) {
    String alternate = alternates.get(group);
    if (alternate == null || caseReference == null) {
      return group;
    }
    Set<String> excluded = subjects.usersHiddenFrom(caseReference);
    if (excluded.isEmpty()) {
      return group;
    }
    boolean noOneLeft = SystemAccess.run(identities, () -> identities.createUserQuery().memberOfGroup(group).list())
        .stream().map(User::getId).allMatch(excluded::contains);
    return noOneLeft ? alternate : group;
  }
}
