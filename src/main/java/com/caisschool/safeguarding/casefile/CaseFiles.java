package com.caisschool.safeguarding.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import com.caisschool.safeguarding.atrest.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The index of cases: one row per process, open or closed, with what the CPO filters by. */
@Repository
public class CaseFiles {

  private static final String SELECT = "select f.process_instance_id, f.case_reference, f.process_key, f.child_id,"
      + " c.name as child_name, f.categories, f.reported_late, f.opened_at, f.closed_at, f.course_of_action"
      + " from case_file f left join child c on c.id = f.child_id";

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;

  CaseFiles(JdbcTemplate jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  void opened(String processInstanceId, String caseReference, String processKey, Long childId, String categories,
      boolean reportedLate, Instant at) {
    jdbc.update("insert into case_file (process_instance_id, case_reference, process_key, child_id, categories,"
            + " reported_late, opened_at) values (?, ?, ?, ?, ?, ?, ?)",
        processInstanceId, caseReference, processKey, childId, categories, reportedLate, Timestamp.from(at));
  }

  void closed(String processInstanceId, Instant at) {
    jdbc.update("update case_file set closed_at = ? where process_instance_id = ?", Timestamp.from(at),
        processInstanceId);
  }

  void courseOfAction(String processInstanceId, String courseOfAction) {
    jdbc.update("update case_file set course_of_action = ? where process_instance_id = ?", courseOfAction,
        processInstanceId);
  }

  boolean exists(String processInstanceId) {
    return jdbc.queryForObject("select count(*) from case_file where process_instance_id = ?", Integer.class,
        processInstanceId) > 0;
  }

  public List<CaseSummary> ofCase(String caseReference) {
    return jdbc.query(SELECT + " where f.case_reference = ? order by f.opened_at", this::summary, caseReference);
  }

  public List<CaseSummary> ofChild(long childId) {
    return jdbc.query(SELECT + " where f.child_id = ? order by f.opened_at", this::summary, childId);
  }

  /** The cases a filter selects; {@code onlyProcesses} (when not null) limits them to those instances. */
  public List<CaseSummary> search(CaseFilter filter, Collection<String> onlyProcesses) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> arguments = new ArrayList<>();
    if (filter.state() == CaseFilter.State.OPEN) {
      where.append(" and f.closed_at is null");
    } else if (filter.state() == CaseFilter.State.CLOSED) {
      where.append(" and f.closed_at is not null");
    }
    if (filter.category() != null) {
      where.append(" and (',' || f.categories || ',') like ?");
      arguments.add("%," + filter.category() + ",%");
    }
    if (filter.courseOfAction() != null) {
      where.append(" and f.course_of_action = ?");
      arguments.add(filter.courseOfAction());
    }
    if (filter.lateReports()) {
      where.append(" and f.reported_late = true");
    }
    if (onlyProcesses != null) {
      if (onlyProcesses.isEmpty()) {
        return List.of();
      }
      where.append(" and f.process_instance_id in (").append("?,".repeat(onlyProcesses.size() - 1)).append("?)");
      arguments.addAll(onlyProcesses);
    }
    return jdbc.query(SELECT + where + " order by f.opened_at desc", this::summary, arguments.toArray());
  }

  private CaseSummary summary(ResultSet row, int n) throws SQLException {
    long child = row.getLong("child_id");
    Long childId = row.wasNull() ? null : child;
    Timestamp closed = row.getTimestamp("closed_at");
    return new CaseSummary(row.getString("process_instance_id"), row.getString("case_reference"),
        row.getString("process_key"), childId, cipher.decrypt(row.getString("child_name")), row.getString("categories"),
        row.getBoolean("reported_late"), row.getTimestamp("opened_at").toInstant(),
        closed == null ? null : closed.toInstant(), row.getString("course_of_action"));
  }
}
