package com.caisschool.safeguarding.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import com.caisschool.safeguarding.atrest.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only chronology: entries are inserted and read, never updated or deleted (there is
 * no method for it, and no URL). Inserts join the engine's transaction, so an entry exists exactly
 * when the step it records was committed.
 */
@Repository
public class Chronology {

  private static final String COLUMNS = "id, case_reference, process_instance_id, occurred_at, actor, kind,"
      + " step_id, step_name, details, reason, corrects_entry_id";

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;

  Chronology(JdbcTemplate jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** Kept whole and encrypted (details and reason hold facts and names): what was recorded has no length limit here (the input limits apply before). */
  public void append(ChronologyEntry entry) {
    jdbc.update("insert into chronology_entry (case_reference, process_instance_id, occurred_at, actor, kind,"
            + " step_id, step_name, details, reason, corrects_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.caseReference(), entry.processInstanceId(), Timestamp.from(entry.occurredAt()), entry.actor(),
        entry.kind().name(), entry.stepId(), entry.stepName(), cipher.encrypt(entry.details()),
        cipher.encrypt(entry.reason()), entry.correctsEntryId());
  }

  /** One case's entries (every process of its reference), oldest first. */
  public List<ChronologyEntry> ofCase(String caseReference) {
    return jdbc.query("select " + COLUMNS + " from chronology_entry where case_reference = ?"
        + " order by occurred_at, id", this::entry, caseReference);
  }

  /** Every entry of every case about the child, oldest first. */
  public List<ChronologyEntry> ofChild(long childId) {
    return jdbc.query("select " + COLUMNS + " from chronology_entry where case_reference in"
        + " (select case_reference from case_file where child_id = ?) order by occurred_at, id",
        this::entry, childId);
  }

  /**
   * One page of the child's entries, oldest first as the whole file reads, leaving out the cases
   * hidden from the person asking; with the total (cheap: one child's cases, through the indexes).
   */
  Page<ChronologyEntry> ofChild(long childId, Collection<String> hiddenReferences, PageRequest page) {
    List<Object> arguments = new ArrayList<>();
    String where = ofChildWhere(childId, hiddenReferences, arguments);
    long total = jdbc.queryForObject("select count(*) from chronology_entry e" + where, Long.class,
        arguments.toArray());
    arguments.add(page.size() + 1);
    arguments.add(page.offset());
    return Page.ofOneMore(jdbc.query("select " + COLUMNS + " from chronology_entry e" + where
        + " order by e.occurred_at, e.id limit ? offset ?", this::entry, arguments.toArray()), page, total);
  }

  /**
   * The number an entry has in the child's chronology as the person asking sees it (1 for the
   * oldest), so that a correction names the entry it corrects on an earlier page. A correction
   * corrects an entry of its own case, so an entry a shown correction names is shown too.
   */
  long numberInChild(long childId, Collection<String> hiddenReferences, ChronologyEntry entry) {
    List<Object> arguments = new ArrayList<>();
    String where = ofChildWhere(childId, hiddenReferences, arguments);
    Timestamp at = Timestamp.from(entry.occurredAt());
    arguments.addAll(List.of(at, at, entry.id()));
    return 1 + jdbc.queryForObject("select count(*) from chronology_entry e" + where
        + " and (e.occurred_at < ? or (e.occurred_at = ? and e.id < ?))", Long.class, arguments.toArray());
  }

  private static String ofChildWhere(long childId, Collection<String> hiddenReferences, List<Object> arguments) {
    StringBuilder where = new StringBuilder(
        " where e.case_reference in (select f.case_reference from case_file f where f.child_id = ?)");
    arguments.add(childId);
    if (!hiddenReferences.isEmpty()) {
      where.append(" and e.case_reference not in (").append("?,".repeat(hiddenReferences.size() - 1))
          .append("?)");
      arguments.addAll(hiddenReferences);
    }
    return where.toString();
  }

  public ChronologyEntry find(long id) {
    return jdbc.query("select " + COLUMNS + " from chronology_entry where id = ?", this::entry, id)
        .stream().findFirst().orElse(null);
  }

  private ChronologyEntry entry(ResultSet row, int n) throws SQLException {
    long corrects = row.getLong("corrects_entry_id");
    Long correctsId = row.wasNull() ? null : corrects;
    return new ChronologyEntry(row.getLong("id"), row.getString("case_reference"),
        row.getString("process_instance_id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
        EntryKind.valueOf(row.getString("kind")), row.getString("step_id"), row.getString("step_name"),
        cipher.decrypt(row.getString("details")), cipher.decrypt(row.getString("reason")), correctsId);
  }
}
