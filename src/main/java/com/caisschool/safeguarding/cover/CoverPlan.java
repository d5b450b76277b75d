package com.caisschool.safeguarding.cover;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.security.SubjectsKnownNow;
import com.caisschool.safeguarding.security.SystemAccess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides who covers a role today. A role is covered only when every one of its members is away
 * (one CPO present is enough). Then its new tasks and alerts go to the covers the absent members
 * named; when none of them can take it (away too, or the case is about them), to the present
 * members of the first fallback role that has any ({@code safeguarding.cover.fallbacks}: the
 * deputy, then the Head of School, then the Board Chair). The people a case is about are never
 * among them: a case about the Head passes the Head by.
 */
@Component
public class CoverPlan {

  private final Absences absences;
  private final CoverProperties settings;
  private final ObjectProvider<IdentityService> identities;
  private final ObjectProvider<SubjectsKnownNow> subjects;
  private final ZoneId schoolTimeZone;

  CoverPlan(Absences absences, CoverProperties settings, ObjectProvider<IdentityService> identities,
      ObjectProvider<SubjectsKnownNow> subjects, SafeguardingProperties school) {
    this.absences = absences;
    this.settings = settings;
    this.identities = identities;
    this.subjects = subjects;
    this.schoolTimeZone = school.schoolTimeZone();
  }

  /** Today at the school, on the engine's clock (tests move it). */
  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), schoolTimeZone);
  }

  /** Cover for each covered role among these groups, for a case (null: not a case), today. */
  public List<Cover> coverFor(Set<String> groups, String caseReference) {
    return coverFor(groups, caseReference, null);
  }

  /** The same, for a case whose variables may name people it is about not yet recorded (its first task). */
  List<Cover> coverFor(Set<String> groups, String caseReference, DelegateExecution caseVariables) {
    List<String> roles = groups.stream().filter(settings.coveredRoles()::contains).toList();
    if (roles.isEmpty()) {
      return List.of();
    }
    LocalDate today = today();
    List<Absence> away = absences.on(today);
    if (away.isEmpty()) {
      return List.of();
    }
    Set<String> hidden = caseReference == null ? Set.of()
        : subjects.getObject().usersHiddenFrom(caseReference, caseVariables);
    Set<String> reached = new LinkedHashSet<>();
    // An alert's "user:<id>" recipient reaches that one person; any other name is a role.
    groups.forEach(group -> reached.addAll(group.startsWith(Notification.ONE_PERSON)
        ? List.of(group.substring(Notification.ONE_PERSON.length())) : members(group)));
    return roles.stream().map(role -> coverFor(role, away, hidden, reached)).flatMap(Optional::stream).toList();
  }

  /**
   * The role's cover, when every member is away: the first of the named covers, then the
   * fallback roles, that has someone present who may see the case. Empty when all are away, or
   * when whoever would cover already has it through another of its roles (the deputy, for a task
   * of the CPO and the deputy).
   */
  private Optional<Cover> coverFor(String role, List<Absence> away, Set<String> hidden, Set<String> reached) {
    Set<String> awayUsers = away.stream().map(Absence::absentUser).collect(Collectors.toSet());
    List<String> members = members(role);
    if (members.isEmpty() || !awayUsers.containsAll(members)) {
      return Optional.empty();
    }
    List<List<String>> candidates = new java.util.ArrayList<>();
    candidates.add(away.stream().filter(absence -> members.contains(absence.absentUser())).map(Absence::coverUser).toList());
    settings.fallbacks().getOrDefault(role, List.of()).forEach(fallback -> candidates.add(members(fallback)));
    for (List<String> people : candidates) {
      List<String> present = people.stream().filter(user -> !awayUsers.contains(user) && !hidden.contains(user))
          .distinct().toList();
      if (!present.isEmpty()) {
        List<String> added = present.stream().filter(user -> !reached.contains(user)).toList();
        return added.isEmpty() ? Optional.empty() : Optional.of(new Cover(role, members, added));
      }
    }
    return Optional.empty();
  }

  private List<String> members(String group) {
    IdentityService identity = identities.getObject();
    return SystemAccess.run(identity, () -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list())
        .stream().map(User::getId).toList();
  }
}
