package com.caisschool.safeguarding.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The access log of reads (table {@code case_read}): appended to on every view of a case's facts,
 * never changed. Lists of cases or tasks are not views of facts and are not logged.
 */
@Repository
public class CaseReads {

  private final JdbcTemplate jdbc;

  CaseReads(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records that {@code reader} read the facts of each of the cases, now (the engine's clock). */
  public void record(Collection<String> caseReferences, String reader, WayIn wayIn, String what) {
    Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    for (String reference : caseReferences.stream().distinct().toList()) {
      jdbc.update("insert into case_read (case_reference, read_at, reader, way_in, what) values (?, ?, ?, ?, ?)",
          reference, now, reader, wayIn.name(), what);
    }
  }

  public void record(String caseReference, String reader, WayIn wayIn, String what) {
    record(List.of(caseReference), reader, wayIn, what);
  }

  /** Every read of a case, newest first. */
  public List<CaseRead> ofCase(String caseReference) {
    return jdbc.query("select case_reference, read_at, reader, way_in, what from case_read where case_reference = ?"
        + " order by read_at desc, id desc", CaseReads::read, caseReference);
  }

  /** Every read of any case about a child (through the case file's index), newest first. */
  public List<CaseRead> ofChild(long childId) {
    return jdbc.query("select r.case_reference, r.read_at, r.reader, r.way_in, r.what from case_read r"
        + " where r.case_reference in (select f.case_reference from case_file f where f.child_id = ?)"
        + " order by r.read_at desc, r.id desc", CaseReads::read, childId);
  }

  private static CaseRead read(ResultSet row, int n) throws SQLException {
    return new CaseRead(row.getString("case_reference"), row.getTimestamp("read_at").toInstant(),
        row.getString("reader"), WayIn.valueOf(row.getString("way_in")), row.getString("what"));
  }
}
