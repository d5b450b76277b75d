package com.caisschool.safeguarding.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The people each case is about (table {@code case_subject}), by case reference, so that the
 * concern and every pathway opened under its reference are hidden from them alike. A row names a
 * user, or a group whose members are hidden from the case now and whenever they join it. Every
 * way in (engine authorizations, the case file, alerts) asks here.
 */
@Component
public class CaseSubjects {

  private final JdbcTemplate jdbc;
  private final IdentityService identities;

  CaseSubjects(JdbcTemplate jdbc, IdentityService identities) {
    this.jdbc = jdbc;
    this.identities = identities;
  }

  /** Records that the case is about this user (no effect when it already is); true when it was not yet. */
  boolean addUser(String caseReference, String userId) {
    return add(caseReference, userId, "");
  }

  /** Records that the case is about every member of this group, present and future. */
  void addGroup(String caseReference, String groupId) {
    add(caseReference, "", groupId);
  }

  private boolean add(String caseReference, String userId, String groupId) {
    Integer known = jdbc.queryForObject("select count(*) from case_subject where case_reference = ? and user_id = ?"
        + " and group_id = ?", Integer.class, caseReference, userId, groupId);
    if (known == null || known == 0) {
      namedInThisTransaction().remove(caseReference);
      jdbc.update("insert into case_subject (case_reference, user_id, group_id, named_at) values (?, ?, ?, ?)",
          caseReference, userId, groupId, Timestamp.from(Instant.now()));
      return true;
    }
    return false;
  }

  /**
   * The CPO's recorded correction of who a case is about: the wrongly named user is no longer
   * hidden from it, the rightly named one is. {@link SubjectCorrection} moves the walls with it.
   */
  void correct(String caseReference, String wronglyNamed, String rightlyNamed) {
    namedInThisTransaction().remove(caseReference);
    if (rightlyNamed != null && !rightlyNamed.isBlank()) {
      addUser(caseReference, rightlyNamed);
    }
    if (wronglyNamed != null && !wronglyNamed.isBlank() && !wronglyNamed.equals(rightlyNamed)) {
      jdbc.update("delete from case_subject where case_reference = ? and user_id = ?", caseReference, wronglyNamed);
    }
  }

  /** Forgets who a destroyed case was about (README "Data protection", retention). */
  public void forget(String caseReference) {
    namedInThisTransaction().remove(caseReference);
    jdbc.update("delete from case_subject where case_reference = ?", caseReference);
  }

  /** Everyone the case is hidden from now: the named users and the present members of the named groups. */
  public Set<String> usersHiddenFrom(String caseReference) {
    Named named = namedInThisTransaction().computeIfAbsent(caseReference, this::named);
    Set<String> users = new LinkedHashSet<>(named.users());
    for (String group : named.groups()) {
      SystemAccess.run(identities, () -> identities.createUserQuery().memberOfGroup(group).list())
          .stream().map(User::getId).forEach(users::add);
    }
    return users;
  }

  /** The users and groups a case names, in one read. */
  private Named named(String caseReference) {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    jdbc.query("select user_id, group_id from case_subject where case_reference = ?", row -> {
      if (!row.getString("user_id").isEmpty()) {
        users.add(row.getString("user_id"));
      }
      if (!row.getString("group_id").isEmpty()) {
        groups.add(row.getString("group_id"));
      }
    }, caseReference);
    return new Named(users, groups);
  }

  private record Named(List<String> users, List<String> groups) {}

  /**
   * Who each case names, as read in the current transaction: a step asks several times (as each
   * task is created, and as its grants and walls are brought in line before it commits), the
   * database is asked once (issue 25). Every change of a case's subjects here forgets its entry.
   * Outside a transaction, a map that lives for the call only.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Named> namedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound == null) {
      bound = new HashMap<String, Named>();
      TransactionSynchronizationManager.bindResource(this, bound);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CaseSubjects.this);
        }
      });
    }
    return (Map<String, Named>) bound;
  }

  /** Whether the case is hidden from this user, by name or through one of their groups as they are now. */
  public boolean hiddenFrom(String userId, String caseReference) {
    if (userId == null || caseReference == null) {
      return false;
    }
    return referencesHiddenFrom(userId).contains(caseReference);
  }

  /** Every case reference hidden from this user, by name or through their groups as they are now. */
  public Set<String> referencesHiddenFrom(String userId) {
    Set<String> references = new LinkedHashSet<>(jdbc.queryForList(
        "select case_reference from case_subject where user_id = ?", String.class, userId));
    List<String> groups = groupsOf(userId);
    if (!groups.isEmpty()) {
      references.addAll(jdbc.queryForList("select case_reference from case_subject where group_id in ("
          + placeholders(groups) + ")", String.class, groups.toArray()));
    }
    return references;
  }

  /** References hidden from a group, whose present members have no walls of their own yet. */
  Set<String> referencesHiddenFromGroupsWithoutUserWall(String userId, Collection<String> groups) {
    if (groups.isEmpty()) {
      return Set.of();
    }
    Object[] arguments = new Object[groups.size() + 1];
    System.arraycopy(groups.toArray(), 0, arguments, 0, groups.size());
    arguments[groups.size()] = userId;
    return new LinkedHashSet<>(jdbc.queryForList("select distinct g.case_reference from case_subject g"
        + " where g.group_id in (" + placeholders(groups) + ") and not exists (select 1 from case_subject u"
        + " where u.case_reference = g.case_reference and u.user_id = ?)", String.class, arguments));
  }

  private List<String> groupsOf(String userId) {
    return SystemAccess.run(identities, () -> identities.createGroupQuery().groupMember(userId).list())
        .stream().map(Group::getId).toList();
  }

  private static String placeholders(Collection<?> values) {
    return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
  }
}
