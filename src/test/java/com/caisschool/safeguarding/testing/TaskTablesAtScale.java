package com.caisschool.safeguarding.testing;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plans PostgreSQL chooses for the engine's statements on the open tasks at a decade's scale
 * (issue 25). The tests' database holds a few tasks, on which every index costs about the same, so
 * the planner's choice there proves nothing and changes with what earlier tests left behind. The
 * statements are planned instead on temporary copies of the task and link tables (only this
 * connection sees them, in place of the engine's) with every index of the real tables, Camunda's
 * and the engine table migrations', holding the benchmark's shape at 5,000 open cases: 10,000 open
 * tasks (one in fifty a monitoring review, one in twenty past its due date, half urgent, each with its
 * case's ids and a description as wide as the application's), 15,000 candidate links, vacuumed.
 */
public final class TaskTablesAtScale {

  private static final List<String> TABLES = List.of(
      "create temporary table act_ru_task (like public.act_ru_task including defaults)",
      "create temporary table act_ru_identitylink (like public.act_ru_identitylink including defaults)");

  private static final List<String> ROWS = List.of(
      "insert into pg_temp.act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, description_, "
          + "priority_, create_time_, due_date_, suspension_state_, task_def_key_) "
          + "select md5(g::text)::uuid::text, 1, md5('execution' || g)::uuid::text, md5('case' || (g / 2))::uuid::text, "
          + "'safeguarding-concern:7:' || md5('definition')::uuid::text, 'Task', repeat('Step of the case. ', 8), "
          + "case when g % 2 = 0 then 95 else 50 end, now(), now() + ((g % 20) - 1) * interval '1 day', 1, "
          + "case when g % 50 = 0 then 'user_task_monitoring_review' else 'step_' || (g % 7) end "
          + "from generate_series(1, 10000) g",
      "insert into pg_temp.act_ru_identitylink (id_, rev_, type_, group_id_, task_id_) "
          + "select md5('offered' || g)::uuid::text, 1, 'candidate', case when g % 4 = 0 then 'case-study-team' "
          + "else 'cpo' end, md5(g::text)::uuid::text from generate_series(1, 10000) g "
          + "union all select md5('deputy' || g)::uuid::text, 1, 'candidate', 'dcpo', md5(g::text)::uuid::text "
          + "from generate_series(2, 10000, 2) g",
      "vacuum analyze pg_temp.act_ru_task",
      "vacuum analyze pg_temp.act_ru_identitylink");

  /** Every index of the real tables, under its own name (a test names the index it expects). */
  private static final String INDEXES = "select replace(indexdef, ' ON public.', ' ON pg_temp.') from pg_indexes "
      + "where schemaname = 'public' and tablename in ('act_ru_task', 'act_ru_identitylink')";

  private TaskTablesAtScale() {}

  /** Each statement's plan ({@code explain}, not run), in the order given. */
  public static List<List<String>> plans(JdbcTemplate jdbc, List<String> statements) {
    return jdbc.execute((ConnectionCallback<List<List<String>>>) connection -> {
      try (Statement statement = connection.createStatement()) {
        try {
          for (String table : TABLES) {
            statement.execute(table);
          }
          List<String> indexes = new ArrayList<>();
          try (var rows = statement.executeQuery(INDEXES)) {
            while (rows.next()) {
              indexes.add(rows.getString(1));
            }
          }
          for (String index : indexes) {
            statement.execute(index);
          }
          for (String step : ROWS) {
            statement.execute(step);
          }
          List<List<String>> plans = new ArrayList<>();
          for (String sql : statements) {
            List<String> lines = new ArrayList<>();
            try (var rows = statement.executeQuery("explain " + sql)) {
              while (rows.next()) {
                lines.add(rows.getString(1));
              }
            }
            plans.add(lines);
          }
          return plans;
        } finally {
          // The connection goes back to the pool: the engine's tables must be its tables again.
          statement.execute("drop table if exists pg_temp.act_ru_identitylink, pg_temp.act_ru_task");
        }
      }
    });
  }
}
