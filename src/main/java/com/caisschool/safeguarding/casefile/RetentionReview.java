package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.atrest.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention rule: a child's file is kept until the child reaches {@code retention-until-age}
 * (25) or, with {@code review-at-transfer}, until they leave the school; then it is flagged for the
 * CPO's review. The CPO's decision (keep, hand over to the new school, destroy) and its reason are
 * recorded; a decision to destroy is carried out at once, everywhere ({@link Destruction}).
 * {@link MorningRetentionReview} runs it every morning.
 */
@Component
public class RetentionReview {

  public static final Set<String> DECISIONS = Set.of("keep", "handed-over", "destroy");

  private final JdbcTemplate jdbc;
  private final Children children;
  private final CaseFiles caseFiles;
  private final Chronology chronology;
  private final CaseFileProperties rules;
  private final SafeguardingProperties school;
  private final FieldCipher cipher;
  private final Destruction destruction;

  RetentionReview(JdbcTemplate jdbc, Children children, CaseFiles caseFiles, Chronology chronology,
      CaseFileProperties rules, SafeguardingProperties school, FieldCipher cipher, Destruction destruction) {
    this.cipher = cipher;
    this.destruction = destruction;
    this.jdbc = jdbc;
    this.children = children;
    this.caseFiles = caseFiles;
    this.chronology = chronology;
    this.rules = rules;
    this.school = school;
  }

  /**
   * Flags each child's file that is due today and not already waiting for a decision. A second
   * pending flag for a child is refused by the database too ({@code retention_review_pending_once}).
   */
  @Transactional
  public List<PendingReview> flagDue() {
    Instant now = EngineTime.now();
    LocalDate today = now.atZone(school.schoolTimeZone()).toLocalDate();
    List<PendingReview> flagged = new ArrayList<>();
    for (Child child : children.all()) {
      String dueBecause = dueBecause(child, today);
      if (dueBecause == null || hasPending(child.id())) {
        continue;
      }
      jdbc.update("insert into retention_review (child_id, pending_child_id, due_because, flagged_at)"
          + " values (?, ?, ?, ?)", child.id(), child.id(), dueBecause, Timestamp.from(now));
      appendToEachCase(child.id(), now, "system", EntryKind.RETENTION_DUE, "File due for review: " + dueBecause, null);
      flagged.add(new PendingReview(0, child.id(), child.name(), dueBecause, now));
    }
    return flagged;
  }

  /**
   * The oldest files waiting for a decision that the person may make, at most {@code limit}, and
   * how many wait in all: a decade's files flagged and left undecided must not make the case file
   * page a long one. Only files of children none of whose cases is hidden from the person
   * ({@code hiddenFromThem}: the cases about them): a decision is about the child's whole file, so
   * the subject of any of its cases neither sees nor makes it; the other lead does (the deputy for a
   * file with a case about the CPO).
   */
  public PendingPage oldestPendingFor(Collection<String> hiddenFromThem, int limit) {
    Object[] arguments = Arrays.copyOf(hiddenFromThem.toArray(), hiddenFromThem.size() + 1);
    arguments[hiddenFromThem.size()] = limit;
    List<PendingReview> oldest = jdbc.query("select r.id, r.child_id, c.name, r.due_because, r.flagged_at"
        + " from retention_review r join child c on c.id = r.child_id" + pendingWhere(hiddenFromThem)
        + " order by r.flagged_at, r.id limit ?", this::review, arguments);
    int waiting = oldest.size() < limit ? oldest.size() : jdbc.queryForObject("select count(*) from retention_review r"
        + pendingWhere(hiddenFromThem), Integer.class, hiddenFromThem.toArray());
    return new PendingPage(oldest, waiting);
  }

  private static String pendingWhere(Collection<String> hiddenFromThem) {
    return " where r.decided_at is null" + (hiddenFromThem.isEmpty() ? "" : " and not exists (select 1 from case_file f"
        + " where f.child_id = r.child_id and f.case_reference in (" + CaseFiles.placeholders(hiddenFromThem.size()) + "))");
  }

  /**
   * The CPO's decision on a flagged file; the reason is required and recorded in every case of the
   * child. A file with a case hidden from the person deciding is answered like an unknown review.
   */
  @Transactional
  public void decide(long reviewId, String decision, String reason, String decidedBy,
      Collection<String> hiddenFromDecider) {
    if (!DECISIONS.contains(decision)) {
      throw new IllegalArgumentException("Choose one of: " + String.join(", ", DECISIONS));
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Give the reason for this decision.");
    }
    Instant now = EngineTime.now();
    List<Long> child = jdbc.queryForList("select child_id from retention_review where id = ? and decided_at is null",
        Long.class, reviewId);
    if (child.isEmpty() || caseFiles.anyCaseOfChildAmong(child.get(0), hiddenFromDecider)) {
      throw new IllegalArgumentException("This review is unknown or already decided.");
    }
    if ("destroy".equals(decision)) {
      List<String> references = caseFiles.ofChild(child.get(0)).stream().map(CaseSummary::caseReference).distinct()
          .toList();
      destruction.requireAllEnded(references);
      destruction.destroy(child.get(0), references, decidedBy, now, reason.trim());
      return;
    }
    jdbc.update("update retention_review set decision = ?, reason = ?, decided_by = ?, decided_at = ?,"
            + " pending_child_id = null where id = ?",
        decision, cipher.encrypt(reason.trim()), decidedBy, Timestamp.from(now), reviewId);
    appendToEachCase(child.get(0), now, decidedBy, EntryKind.RETENTION_DECISION, "Retention decision: " + decision,
        reason.trim());
  }

  private String dueBecause(Child child, LocalDate today) {
    if (child.dateOfBirth() != null && !child.dateOfBirth().plusYears(rules.retentionUntilAge()).isAfter(today)) {
      return "reached the age of " + rules.retentionUntilAge();
    }
    if (rules.reviewAtTransfer() && child.leftSchoolOn() != null && !child.leftSchoolOn().isAfter(today)) {
      return "left the school on " + child.leftSchoolOn();
    }
    return null;
  }

  private boolean hasPending(long childId) {
    return jdbc.queryForObject("select count(*) from retention_review where child_id = ? and decided_at is null",
        Integer.class, childId) > 0;
  }

  private void appendToEachCase(long childId, Instant at, String actor, EntryKind kind, String details, String reason) {
    caseFiles.ofChild(childId).stream().map(CaseSummary::caseReference).distinct().forEach(reference ->
        chronology.append(ChronologyEntry.of(reference, null, at, actor, kind, null, null, details, reason)));
  }

  private PendingReview review(ResultSet row, int n) throws SQLException {
    return new PendingReview(row.getLong("id"), row.getLong("child_id"), cipher.decrypt(row.getString("name")),
        row.getString("due_because"), row.getTimestamp("flagged_at").toInstant());
  }

  /** A child's file waiting for the CPO's retention decision. */
  public record PendingReview(long id, long childId, String childName, String dueBecause, Instant flaggedAt) {}

  /** The oldest files waiting for a decision, and how many wait in all (those shown included). */
  public record PendingPage(List<PendingReview> oldest, int waiting) {

    public int notShown() {
      return waiting - oldest.size();
    }
  }
}
