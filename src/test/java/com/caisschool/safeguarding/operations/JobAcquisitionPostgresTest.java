package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor's acquisition on PostgreSQL (issue 25; the index is made by the engine table
 * migration {@code db/engine/V1__jobs_by_due_date.sql}, {@link EngineTableMigrations}): the
 * engine's own query for the due jobs is served by the due-date index, instead of reading every job
 * (mostly timers of open cases, due later) several times a second.
 */
@PostgresApplicationTest
class JobAcquisitionPostgresTest {

  /** Made by {@code db/engine/V1__jobs_by_due_date.sql}. */
  private static final String INDEX = "job_due_for_acquisition";
  private static final String ACQUISITION = "JobEntity.selectNextJobsToExecute";

  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDueJobsAreFoundThroughTheDueDateIndex() {
    // The same statement the acquisition runs, read only (nothing is locked).
    Command<Object> findDueJobs = context -> context.getJobManager().findNextJobsToExecute(new Page(0, 3));
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() ->
        ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired().execute(findDueJobs));
    EngineStatements.Statement acquisition = asked.stream()
        .filter(statement -> statement.mapperStatement().equals(ACQUISITION)).findFirst().orElseThrow();
    assertThat(acquisition.sql()).as("the engine still asks for due jobs by their due date")
        .containsIgnoringCase("DUEDATE_ is null or").containsIgnoringCase("DUEDATE_ <=");

    // The test database holds few jobs, so a whole read would be as cheap: the plan is asked for as
    // with many jobs (sequential reads discouraged, for this statement only).
    // The mapping's two line comments, which the logged one-line SQL would otherwise run on past.
    String sql = acquisition.sql().replace("-- also exclusive", "").replace("-- in progress", "");
    assertThat(sql).doesNotContain("--");
    assertThat(String.join("\n", EngineStatements.planWithoutSequentialReads(jdbc, sql)))
        .contains(INDEX);
  }
}
