package com.caisschool.safeguarding.security;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who a case is about, as the case opens: the user the reporter chose ({@code subject.user-variable}),
 * or else the one user whose id, email or full name is what they typed as the person's name
 * ({@code subject.name-variable}, "Name, role" is read up to the comma). The user found is written
 * back into the user variable, so the case records whom the server took it to mean. A name that
 * matches nobody, or more than one person, names no user (the CPO corrects it at triage). A case
 * whose {@code hidden-from-subject} variable has its value is in addition about the whole group.
 */
@Component
class SubjectNaming {

  private final IdentityService identities;
  private final CaseSubjects subjects;
  private final AccessProperties access;
  private final ToldOfCase told;

  SubjectNaming(IdentityService identities, CaseSubjects subjects, AccessProperties access, ToldOfCase told) {
    this.identities = identities;
    this.subjects = subjects;
    this.access = access;
    this.told = told;
  }

  /** Records the subjects the case's variables name; called in the transaction that opens the case. */
  void record(String caseReference, DelegateExecution execution) {
    record(caseReference, execution.getProcessInstanceId(), execution::getVariable, execution::setVariable);
  }

  /** The same, through the engine's runtime service (the case opened without a task in its first step). */
  void record(String caseReference, String processInstanceId, RuntimeService runtime) {
    SystemAccess.run(identities, () -> record(caseReference, processInstanceId,
        name -> runtime.getVariable(processInstanceId, name),
        (name, value) -> runtime.setVariable(processInstanceId, name, value)));
  }

  private void record(String caseReference, String processInstanceId, Function<String, Object> read,
      BiConsumer<String, Object> write) {
    String userVariable = access.subject().userVariable();
    String named = resolve(text(read.apply(userVariable)), text(read.apply(access.subject().nameVariable())));
    if (named != null) {
      if (!named.equals(read.apply(userVariable))) {
        write.accept(userVariable, named);
      }
      if (subjects.addUser(caseReference, named)) {
        told.subjectNamed(caseReference, named, processInstanceId);
      }
    }
    AccessProperties.HiddenFromSubject rule = access.hiddenFromSubject();
    if (rule != null && Objects.equals(rule.value(), read.apply(rule.variable()))) {
      subjects.addGroup(caseReference, rule.group());
    }
  }

  /** The user id the reporter meant, or null when there is no one account they can have meant. */
  String resolve(String chosenUserId, String typedName) {
    if (chosenUserId != null && exists(chosenUserId)) {
      return chosenUserId;
    }
    String name = typedName != null ? typedName : chosenUserId;
    if (name == null) {
      return null;
    }
    String wanted = normalised(name.split("[,(;]", 2)[0]);
    if (wanted.isEmpty()) {
      return null;
    }
    List<User> matches = SystemAccess.run(identities, () -> identities.createUserQuery().list()).stream()
        .filter(user -> wanted.equals(normalised(user.getId())) || wanted.equals(normalised(user.getEmail()))
            || wanted.equals(normalised(user.getFirstName() + " " + user.getLastName())))
        .toList();
    return matches.size() == 1 ? matches.get(0).getId() : null;
  }

  private boolean exists(String userId) {
    return SystemAccess.run(identities, () -> identities.createUserQuery().userId(userId).count()) > 0;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
  }

  private static String normalised(String text) {
    return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
