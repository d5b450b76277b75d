package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations of Camunda's tables on H2, the embedded default ({@link EngineTableMigrations};
 * PostgreSQL: {@code EngineTableMigrationsPostgresTest}): run by the engine once it has made its
 * tables on a new database, recorded in their own history table, and applied without error to a
 * database that already has the indexes from the start-up code of before these migrations.
 */
class EngineTableMigrationsTest {

  /** The indexes the application's start-up made before these migrations, with the table and column of each. */
  static final Map<String, String> MADE_AT_START_BEFORE = Map.of(
      "job_due_for_acquisition", "ACT_RU_JOB (DUEDATE_)",
      "task_by_due_date", "ACT_RU_TASK (DUE_DATE_)",
      "task_by_definition_key", "ACT_RU_TASK (TASK_DEF_KEY_)",
      "authorization_by_resource_type", "ACT_RU_AUTHORIZATION (RESOURCE_TYPE_)");

  /** Every index of {@code db/engine}. */
  static final List<String> INDEXES = List.of("job_due_for_acquisition", "task_by_due_date", "task_by_definition_key",
      "authorization_by_resource_type", "task_by_priority", "candidate_by_task");

  /** What the application's start-up ran before these migrations (operations/EngineIndex, removed). */
  static List<String> oldStartUpStatements() {
    return MADE_AT_START_BEFORE.entrySet().stream()
        .map(index -> "create index if not exists " + index.getKey() + " on " + index.getValue()).toList();
  }

  @Test
  void aNewDatabaseGetsTheIndexesAndAnOldOneIsBaselinedWithoutMakingThemAgain() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:engine-table-migrations-test;DB_CLOSE_DELAY=-1");
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("engine-table-migrations-test")
        .setDataSource(h2)
        .setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(new EngineTableMigrations());
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
      // A new database: the engine made its tables, then the migrations ran.
      assertThat(applied(jdbc)).containsExactly("1", "2", "3", "4");
      INDEXES.forEach(index -> assertThat(indexes(jdbc, index)).as(index).isEqualTo(1));

      // A database of before: the indexes made by the old start-up code, no history of these migrations
      // (and none of the later ones).
      jdbc.execute("drop table \"" + EngineTableMigrations.HISTORY + "\"");
      INDEXES.forEach(index -> jdbc.execute("drop index " + index));
      oldStartUpStatements().forEach(jdbc::execute);

      MigrateResult migrated = EngineTableMigrations.migrate(configuration.getDataSource(), "");
      assertThat(migrated.success).isTrue();
      assertThat(applied(jdbc)).containsExactly("1", "2", "3", "4");
      INDEXES.forEach(index -> assertThat(indexes(jdbc, index)).as(index).isEqualTo(1));
      assertThat(jdbc.queryForObject("select count(*) from information_schema.index_columns "
          + "where table_name = 'ACT_RU_JOB' and column_name = 'DUEDATE_'", Integer.class))
          .as("no second index on the same column").isEqualTo(1);

      // Every later start: nothing to do.
      assertThat(EngineTableMigrations.migrate(configuration.getDataSource(), "").migrationsExecuted).isZero();
    } finally {
      engine.close();
    }
  }

  /** The versions recorded as applied successfully (the baseline is not one). */
  private static List<String> applied(JdbcTemplate jdbc) {
    return jdbc.queryForList("select \"version\" from \"" + EngineTableMigrations.HISTORY
        + "\" where \"success\" and \"type\" = 'SQL' order by \"installed_rank\"", String.class);
  }

  private static int indexes(JdbcTemplate jdbc, String name) {
    return jdbc.queryForObject("select count(*) from information_schema.indexes where index_name = ?",
        Integer.class, name.toUpperCase(java.util.Locale.ROOT));
  }
}
