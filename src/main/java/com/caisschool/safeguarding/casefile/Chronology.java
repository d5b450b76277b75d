package com.caisschool.safeguarding.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
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

  Chronology(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Kept whole: what was recorded has no length limit here (the input limits apply before). */
  public void append(ChronologyEntry entry) {
    jdbc.update("insert into chronology_entry (case_reference, process_instance_id, occurred_at, actor, kind,"
            + " step_id, step_name, details, reason, corrects_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.caseReference(), entry.processInstanceId(), Timestamp.from(entry.occurredAt()), entry.actor(),
        entry.kind().name(), entry.stepId(), entry.stepName(), entry.details(),
        entry.reason(), entry.correctsEntryId());
  }

  /** One case's entries (every process of its reference), oldest first. */
  public List<ChronologyEntry> ofCase(String caseReference) {
    return jdbc.query("select " + COLUMNS + " from chronology_entry where case_reference = ?"
        + " order by occurred_at, id", Chronology::entry, caseReference);
  }

  /** Every entry of every case about the child, oldest first. */
  public List<ChronologyEntry> ofChild(long childId) {
    return jdbc.query("select " + COLUMNS + " from chronology_entry where case_reference in"
        + " (select case_reference from case_file where child_id = ?) order by occurred_at, id",
        Chronology::entry, childId);
  }

  public ChronologyEntry find(long id) {
    return jdbc.query("select " + COLUMNS + " from chronology_entry where id = ?", Chronology::entry, id)
        .stream().findFirst().orElse(null);
  }

  private static ChronologyEntry entry(ResultSet row, int n) throws SQLException {
    long corrects = row.getLong("corrects_entry_id");
    return new ChronologyEntry(row.getLong("id"), row.getString("case_reference"),
        row.getString("process_instance_id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
        EntryKind.valueOf(row.getString("kind")), row.getString("step_id"), row.getString("step_name"),
        row.getString("details"), row.getString("reason"), row.wasNull() ? null : corrects);
  }
}
