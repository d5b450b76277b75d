package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a case is first about someone in a group of {@code safeguarding.access.told-of-case.when-subject-in}
 * (the CPO), the group named for it (the Head of School) is told that a case exists: an alert of the
 * configured kind with the reference and a link, never a fact. The deputy acts on the case
 * ({@code alternates}); the alert goes through the notification chain, which never tells a subject.
 */
@Component
class ToldOfCase {

  private final AccessProperties.ToldOfCase rule;
  private final IdentityService identities;
  private final ObjectProvider<Notifier> notifier;

  ToldOfCase(AccessProperties access, IdentityService identities, ObjectProvider<Notifier> notifier) {
    this.rule = access.toldOfCase();
    this.identities = identities;
    this.notifier = notifier;
  }

  /** The case has just been found to be about this user. */
  void subjectNamed(String caseReference, String userId, String processInstanceId) {
    List<String> told = rule.whenSubjectIn().entrySet().stream()
        .filter(entry -> isMember(userId, entry.getKey())).map(java.util.Map.Entry::getValue).distinct().toList();
    if (!told.isEmpty()) {
      notifier.getObject().send(new Notification(caseReference, rule.kind(), told, processInstanceId, null));
    }
  }

  private boolean isMember(String userId, String group) {
    return SystemAccess.run(identities,
        () -> identities.createGroupQuery().groupMember(userId).groupId(group).count() > 0);
  }
}
