package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The count of Tasklist's My tasks filter on PostgreSQL (issue 25; the index of the engine table
 * migration {@code db/engine/V4__candidates_by_task.sql}): the engine's own count, as the CPO's
 * filter list asks it, reads the candidates' links from that index alone, merged with the tasks in
 * key order, rather than hashing every open task's row and reading every link's. With the few rows of the tests' database
 * every plan costs about the same, so the plan is asked of temporary copies of the task and link
 * tables (only this connection sees them, in place of the engine's) holding the benchmark's shape at
 * 5,000 open cases: 10,000 open tasks, 15,000 candidate links, vacuumed. The copies get the table's
 * key, Camunda's index on the links' task and the migration as written.
 */
@PostgresApplicationTest
class MyTasksCountIndexesPostgresTest {

  private static final String TASK_COUNT = "TaskEntity.selectTaskCountByQueryCriteria";
  private static final List<String> MIGRATIONS = List.of("db/engine/V4__candidates_by_task.sql");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theMyTasksCountReadsTheLinksFromTheIndexAtADecadesScale() {
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> assertThat(
        PostgresApplication.restAs(port, PostgresUsers.CPO).get("/filter?resourceType=Task&itemCount=true").status())
        .isEqualTo(200));
    List<String> myTasks = asked.stream().filter(statement -> statement.mapperStatement().equals(TASK_COUNT))
        .map(EngineStatements.Statement::sql).filter(sql -> sql.contains("RES.ASSIGNEE_ =")).toList();
    assertThat(myTasks).as("the My tasks count").hasSize(1);

    String plan = String.join("\n", jdbc.execute((ConnectionCallback<List<String>>) connection -> {
      try (Statement statement = connection.createStatement()) {
        try {
          statement.execute("create temporary table act_ru_task (like public.act_ru_task including defaults)");
          statement.execute("create temporary table act_ru_identitylink (like public.act_ru_identitylink including defaults)");
          statement.execute("alter table pg_temp.act_ru_task add primary key (id_)");
          statement.execute("create index on pg_temp.act_ru_identitylink (task_id_)");
          for (String migration : MIGRATIONS) {
            statement.execute(sql(migration));
          }
          statement.execute("insert into pg_temp.act_ru_task (id_, rev_, name_, priority_, create_time_, suspension_state_, "
              + "task_def_key_) select md5(g::text)::uuid::text, 1, 'Task', case when g % 2 = 0 then 95 else 50 end, "
              + "now(), 1, 'step' from generate_series(1, 10000) g");
          statement.execute("insert into pg_temp.act_ru_identitylink (id_, rev_, type_, group_id_, task_id_) "
              + "select md5('offered' || g)::uuid::text, 1, 'candidate', case when g % 4 = 0 then 'case-study-team' "
              + "else 'cpo' end, md5(g::text)::uuid::text from generate_series(1, 10000) g "
              + "union all select md5('deputy' || g)::uuid::text, 1, 'candidate', 'dcpo', md5(g::text)::uuid::text "
              + "from generate_series(2, 10000, 2) g");
          statement.execute("vacuum analyze pg_temp.act_ru_task");
          statement.execute("vacuum analyze pg_temp.act_ru_identitylink");
          List<String> lines = new ArrayList<>();
          try (var rows = statement.executeQuery("explain " + myTasks.get(0))) {
            while (rows.next()) {
              lines.add(rows.getString(1));
            }
          }
          return lines;
        } finally {
          // The connection goes back to the pool: the engine's tables must be its tables again.
          statement.execute("drop table if exists pg_temp.act_ru_identitylink, pg_temp.act_ru_task");
        }
      }
    }));
    assertThat(plan).contains("Merge Left Join", "Index Only Scan using candidate_by_task");
  }

  /** The migration as Flyway runs it for an engine whose tables have no prefix. */
  private static String sql(String migration) {
    try {
      return new ClassPathResource(migration).getContentAsString(StandardCharsets.UTF_8).replace("${engine_table_prefix}", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
