package com.caisschool.safeguarding.cover;

import com.caisschool.safeguarding.security.SystemAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Records and cancels planned absences, with the checks that make one usable: the person away
 * holds a covered role, the cover is someone else who may cover, the days are real and not over.
 * A refusal says what to fix and never repeats what was sent.
 */
@Component
class CoverRecording {

  private final Absences absences;
  private final CoverPlan plan;
  private final CoverProperties settings;
  private final IdentityService identities;

  CoverRecording(Absences absences, CoverPlan plan, CoverProperties settings, IdentityService identities) {
    this.absences = absences;
    this.plan = plan;
    this.settings = settings;
    this.identities = identities;
  }

  long record(String absentUser, String from, String to, String coverUser, String recordedBy) {
    if (!membersOf(settings.coveredRoles()).contains(absentUser)) {
      throw new IllegalArgumentException("Who is away: choose a member of " + String.join(" or ", settings.coveredRoles()) + ".");
    }
    if (!membersOf(settings.coverGroups()).contains(coverUser)) {
      throw new IllegalArgumentException("Who covers: choose a member of " + String.join(", ", settings.coverGroups()) + ".");
    }
    if (coverUser.equals(absentUser)) {
      throw new IllegalArgumentException("Who covers: someone other than the person who is away.");
    }
    LocalDate first = day(from, "First day away");
    LocalDate last = day(to, "Last day away");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("Last day away: on or after the first day away.");
    }
    if (last.isBefore(plan.today())) {
      throw new IllegalArgumentException("Last day away: today or later (this records planned absences).");
    }
    return absences.record(absentUser, first, last, coverUser, recordedBy, Instant.now());
  }

  void cancel(long id, String cancelledBy) {
    if (!absences.cancel(id, cancelledBy, Instant.now())) {
      throw new IllegalArgumentException("That absence is not recorded, or already cancelled.");
    }
  }

  /** The members of these roles, for the page's choices and the checks. */
  List<String> membersOf(java.util.Collection<String> groups) {
    Set<String> users = new LinkedHashSet<>();
    for (String group : groups) {
      SystemAccess.run(identities, () -> identities.createUserQuery().memberOfGroup(group).orderByUserId().asc().list())
          .stream().map(User::getId).forEach(users::add);
    }
    return List.copyOf(users);
  }

  private static LocalDate day(String value, String label) {
    try {
      return LocalDate.parse(value == null ? "" : value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(label + ": a date such as 2026-10-01.");
    }
  }
}
