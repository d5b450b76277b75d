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
 * The CPO's Tasklist filters and their counts on PostgreSQL (the indexes of the engine table migration
 * {@code db/engine/V2__task_list_indexes.sql}, {@link EngineTableMigrations}): the engine's
 * own count of the tasks past their due date (Overdue) and of given steps (Monitoring reviews due),
 * and its check of the person's grants on filters, are served by indexes, instead of reading every
 * open task at every count and every grant for the list. The counts are planned on the task tables
 * at a decade's scale ({@link TaskTablesAtScale}): on the tests' few tasks another index costs the same.
 */
@PostgresApplicationTest
class TaskListIndexesPostgresTest {

  /** Made by {@code db/engine/V2__task_list_indexes.sql}. */
  private static final String BY_DUE_DATE = "task_by_due_date";
  private static final String BY_STEP = "task_by_definition_key";
  private static final String GRANTS_BY_RESOURCE_TYPE = "authorization_by_resource_type";
  private static final String TASK_COUNT = "TaskEntity.selectTaskCountByQueryCriteria";
  private static final String FILTER_LIST = "FilterEntity.selectFilterByQueryCriteria_postgres";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theOverdueAndStepCountsAndTheFilterGrantsAreServedByIndexes() {
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> assertThat(
        PostgresApplication.restAs(port, PostgresUsers.CPO).get("/filter?resourceType=Task&itemCount=true").status())
        .isEqualTo(200));

    List<List<String>> counts = TaskTablesAtScale.plans(jdbc,
        List.of(only(asked, TASK_COUNT, "DUE_DATE_ <"), only(asked, TASK_COUNT, "user_task_monitoring_review")));
    assertThat(String.join("\n", counts.get(0))).as("the Overdue count").contains(BY_DUE_DATE);
    assertThat(String.join("\n", counts.get(1))).as("the Monitoring reviews due count").contains(BY_STEP);
    assertThat(String.join("\n", EngineStatements.planWithoutSequentialReads(jdbc,
        only(asked, FILTER_LIST, "RESOURCE_TYPE_ = 5")))).as("the person's grants on filters")
        .contains(GRANTS_BY_RESOURCE_TYPE);
  }

  private static String only(List<EngineStatements.Statement> asked, String mapperStatement, String condition) {
    List<String> matching = asked.stream().filter(statement -> statement.mapperStatement().equals(mapperStatement))
        .map(EngineStatements.Statement::sql).filter(sql -> sql.contains(condition)).toList();
    assertThat(matching).as(mapperStatement + " asking " + condition).hasSize(1);
    return matching.get(0);
  }
}
