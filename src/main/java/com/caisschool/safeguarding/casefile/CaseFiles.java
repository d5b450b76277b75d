package com.caisschool.safeguarding.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import com.caisschool.safeguarding.atrest.BlindIndex;
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
  private final BlindIndex index;

  CaseFiles(JdbcTemplate jdbc, FieldCipher cipher, BlindIndex index) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.index = index;
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

  /** Every open process (the CPO's overview), newest first. */
  public List<CaseSummary> open() {
    return jdbc.query(SELECT + " where f.closed_at is null order by f.opened_at desc", this::summary);
  }

  /**
   * One page of the cases a filter selects, newest first, leaving out the cases hidden from the
   * person asking; filters, the child search and the walls are applied in the database, so only
   * the page's rows are read and only their children's names decrypted. No total: counting every
   * matching case would cost what paging saves.
   */
  Page<CaseSummary> page(CaseFilter filter, Collection<String> hiddenReferences, Instant now, PageRequest page) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> arguments = new ArrayList<>();
    if (filter.state() == CaseFilter.State.OPEN) {
      where.append(" and f.closed_at is null");
    } else if (filter.state() == CaseFilter.State.CLOSED) {
      where.append(" and f.closed_at is not null");
    }
    if (filter.category() != null) {
      where.append(" and (',' || f.categories || ',') like ? escape '!'");
      arguments.add("%," + literally(filter.category()) + ",%");
    }
    if (filter.courseOfAction() != null) {
      where.append(" and f.course_of_action = ?");
      arguments.add(filter.courseOfAction());
    }
    if (filter.lateReports()) {
      where.append(" and f.reported_late = true");
    }
    if (filter.overdue()) {
      // The engine's open tasks past their due date, as its task query's dueBefore reads them.
      where.append(" and exists (select 1 from act_ru_task t where t.proc_inst_id_ = f.process_instance_id"
          + " and t.due_date_ < ?)");
      arguments.add(Timestamp.from(now));
    }
    if (filter.child() != null) {
      String wanted = index.of(filter.child());
      where.append(" and f.child_id in (select s.id from child s where s.student_id_index = ? or s.name_index = ?"
          + " or s.other_name_index = ?)");
      arguments.addAll(List.of(wanted, wanted, wanted));
    }
    if (!hiddenReferences.isEmpty()) {
      where.append(" and f.case_reference not in (").append(placeholders(hiddenReferences.size())).append(")");
      arguments.addAll(hiddenReferences);
    }
    arguments.add(page.size() + 1);
    arguments.add(page.offset());
    return Page.ofOneMore(jdbc.query(SELECT + where
        + " order by f.opened_at desc, f.process_instance_id desc limit ? offset ?", this::summary,
        arguments.toArray()), page, null);
  }

  /** A filter's value as itself in a LIKE pattern (escape character '!'). */
  private static String literally(String value) {
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /**
   * Whether any case of the child is one of these (the cases hidden from someone): then what is done
   * to the child's whole file is not theirs to do.
   */
  boolean anyCaseOfChildAmong(long childId, Collection<String> references) {
    return !references.isEmpty() && ofChild(childId).stream().anyMatch(file -> references.contains(file.caseReference()));
  }

  /** "?,?,?" for an {@code IN} list of this many values (one at least). */
  static String placeholders(int count) {
    return "?,".repeat(count - 1) + "?";
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
