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
 * The count of Tasklist's My tasks filter on PostgreSQL (issue 25; the index of the engine table
 * migration {@code db/engine/V4__candidates_by_task.sql}): the engine's own count, as the CPO's
 * filter list asks it, reads the candidates' links from that index alone, merged with the tasks in
 * key order, rather than hashing every open task's row and reading every link's. With the few rows of the tests' database
 * every plan costs about the same, so the plan is asked of the task tables at a decade's scale
 * ({@link TaskTablesAtScale}), with every index of the real tables.
 */
@PostgresApplicationTest
class MyTasksCountIndexesPostgresTest {

  private static final String TASK_COUNT = "TaskEntity.selectTaskCountByQueryCriteria";

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

    String plan = String.join("\n", TaskTablesAtScale.plans(jdbc, myTasks).get(0));
    assertThat(plan).contains("Merge Left Join", "Index Only Scan using candidate_by_task");
  }
}
