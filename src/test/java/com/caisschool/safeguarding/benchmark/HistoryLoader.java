package com.caisschool.safeguarding.benchmark;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A decade of closed cases in bulk, in PostgreSQL: one real closed case (driven through the REST
 * API) is the template; its rows in the engine's history (every ACT_HI_* table and its byte
 * arrays) and in the case file (case_file, chronology_entry) are copied with
 * INSERT ... SELECT ... generate_series, each copy with its own ids and reference, shifted back
 * in time by up to ten years and filed under one of a set of children. The columns are read from
 * the database, so a Camunda upgrade that adds history columns needs no change here.
 */
final class HistoryLoader {

  /** Id-like columns that name a definition, an activity or a person: the same in every copy. */
  private static final Set<String> SHARED_IDS = Set.of("proc_def_id_", "proc_def_key_", "act_id_", "activity_id_",
      "start_act_id_", "end_act_id_", "tenant_id_", "user_id_", "start_user_id_", "deployment_id_",
      "decision_def_id_", "decision_def_key_", "decision_requirements_def_id_", "decision_requirements_def_key_",
      "case_def_id_", "case_def_key_", "group_id_", "task_def_key_", "clause_id_", "rule_id_", "job_def_id_",
      "assignee_", "owner_", "org_id_", "batch_id_", "entity_type_");
  private static final int DAYS_BACK = 3650;

  private final JdbcTemplate jdbc;

  HistoryLoader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Copies the closed case {@code templateId} (reference {@code reference}) {@code count} times; copies from {@code first}. */
  void copyClosedCase(String templateId, String reference, int first, int count, int children) {
    for (String table : historyTables()) {
      copyRows(table, templateId, first, count);
    }
    jdbc.update("""
        insert into child (student_id, name, grade, created_at)
        select 'bench-' || g, 'Bench child ' || g || '-Testchild', 'Grade ' || (g % 12 + 1), now()
        from generate_series(1, ?) g on conflict (student_id) do nothing""", children);
    jdbc.update("""
        insert into case_file (process_instance_id, case_reference, process_key, child_id, categories, reported_late,
          opened_at, closed_at, course_of_action)
        select {copied id}, f.case_reference || '-b' || n, f.process_key, c.id, f.categories,
          f.reported_late, f.opened_at - (n % ?) * interval '1 day', f.closed_at - (n % ?) * interval '1 day',
          f.course_of_action
        from case_file f cross join generate_series(?, ?) n join child c on c.student_id = 'bench-' || (n % ? + 1)
        where f.process_instance_id = ?""".replace("{copied id}", copiedId("f.process_instance_id")), DAYS_BACK, DAYS_BACK, first, first + count - 1, children, templateId);
    jdbc.update("""
        insert into chronology_entry (case_reference, process_instance_id, occurred_at, actor, kind, step_id,
          step_name, details, reason)
        select e.case_reference || '-b' || n, {copied id},
          e.occurred_at - (n % ?) * interval '1 day', e.actor, e.kind, e.step_id, e.step_name, e.details, e.reason
        from chronology_entry e cross join generate_series(?, ?) n
        where e.case_reference = ?""".replace("{copied id}", copiedId("e.process_instance_id")), DAYS_BACK, first, first + count - 1, reference);
  }

  /** Every engine table holding rows of a process instance's history. */
  List<String> historyTables() {
    return jdbc.queryForList("""
        select table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'root_proc_inst_id_'
          and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray')
        order by table_name""", String.class);
  }

  private void copyRows(String table, String templateId, int first, int count) {
    List<Map<String, Object>> columns = jdbc.queryForList("""
        select column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name = ? order by ordinal_position""", table);
    String names = columns.stream().map(c -> (String) c.get("column_name")).collect(Collectors.joining(", "));
    String values = columns.stream().map(HistoryLoader::copied).collect(Collectors.joining(", "));
    jdbc.update("insert into " + table + " (" + names + ") select " + values + " from " + table
        + " cross join generate_series(?, ?) n where root_proc_inst_id_ = ?", first, first + count - 1, templateId);
  }

  /** The value of one column in copy n: a new id, a date n days earlier, or the template's value. */
  private static String copied(Map<String, Object> column) {
    String name = (String) column.get("column_name");
    String type = (String) column.get("data_type");
    boolean text = type.startsWith("character");
    if (text && name.equals("business_key_")) {
      return name + " || '-b' || n";
    }
    if (text && isInstanceId(name)) {
      return copiedId(name);
    }
    if (type.startsWith("timestamp")) {
      return name + " - (n % " + DAYS_BACK + ") * interval '1 day'";
    }
    return name;
  }

  /**
   * The id in copy n, as long as the original (ids fill their columns: "activity:uuid"): the last
   * eight characters become "b" and n in hex. The engine's ids are time-based UUIDs whose last
   * part (the node) is the same for all, so the copies stay unique and never meet an original.
   */
  static String copiedId(String column) {
    return "case when length(" + column + ") >= 36 then overlay(" + column
        + " placing 'b' || lpad(to_hex(n), 7, '0') from length(" + column + ") - 7 for 8) else "
        + column + " || '-b' || n end";
  }

  private static boolean isInstanceId(String column) {
    return (column.equals("id_") || column.endsWith("_id_")) && !SHARED_IDS.contains(column);
  }
}
