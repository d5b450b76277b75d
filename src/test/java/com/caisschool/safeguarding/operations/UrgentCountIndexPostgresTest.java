package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.TaskTablesAtScale;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The count of Tasklist's Urgent filter on PostgreSQL (issue 25; the index of the engine table
 * migration {@code db/engine/V3__tasks_by_priority.sql}, {@link EngineTableMigrations}): the
 * engine's own count of the tasks of priority 90 and more, half the open tasks, is served by the
 * priority index instead of reading every open task's row. The SQL is the engine's, unchanged, and
 * so is what it counts. The plan is read on the open tasks at a decade's scale ({@link TaskTablesAtScale}).
 */
@PostgresApplicationTest
class UrgentCountIndexPostgresTest {

  /** Made by {@code db/engine/V3__tasks_by_priority.sql}. */
  private static final String BY_PRIORITY = "task_by_priority";
  private static final String TASK_COUNT = "TaskEntity.selectTaskCountByQueryCriteria";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theUrgentCountIsServedByThePriorityIndex() {
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> assertThat(
        PostgresApplication.restAs(port, PostgresUsers.CPO).get("/filter?resourceType=Task&itemCount=true").status())
        .isEqualTo(200));

    List<String> urgent = asked.stream().filter(statement -> statement.mapperStatement().equals(TASK_COUNT))
        .map(EngineStatements.Statement::sql).filter(sql -> sql.contains("RES.PRIORITY_ >=")).toList();
    assertThat(urgent).as("the Urgent count").hasSize(1);
    // Planned on the open tasks at a decade's scale, not on whatever tasks earlier tests left.
    assertThat(String.join("\n", TaskTablesAtScale.plans(jdbc, urgent).get(0))).contains(BY_PRIORITY);
  }
}
