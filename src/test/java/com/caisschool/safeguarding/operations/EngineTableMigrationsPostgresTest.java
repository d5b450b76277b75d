package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations of Camunda's tables on PostgreSQL ({@link EngineTableMigrations}): the running
 * application recorded them in their own history table, and a database that already has the
 * indexes from the start-up code of before these migrations is brought under them without error
 * and without a second copy of any index.
 */
@PostgresApplicationTest
class EngineTableMigrationsPostgresTest {

  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theMigrationsAreRecordedAndApplyToADatabaseThatHasTheIndexesAlready() {
    assertThat(applied()).as("applied at the application's start").containsExactly("1", "2", "3", "4");
    EngineTableMigrationsTest.INDEXES.forEach(index -> assertThat(indexes(index)).as(index).isEqualTo(1));

    // A database of before: the indexes made by the old start-up code, no history of these migrations
    // (and none of the later ones).
    jdbc.execute("drop table " + EngineTableMigrations.HISTORY);
    EngineTableMigrationsTest.INDEXES.forEach(index -> jdbc.execute("drop index " + index));
    EngineTableMigrationsTest.oldStartUpStatements().forEach(jdbc::execute);

    DataSource engineDatabase = ((ProcessEngineConfigurationImpl) engineConfiguration).getDataSource();
    MigrateResult migrated = EngineTableMigrations.migrate(engineDatabase, "");
    assertThat(migrated.success).isTrue();
    assertThat(applied()).containsExactly("1", "2", "3", "4");
    EngineTableMigrationsTest.INDEXES.forEach(index -> assertThat(indexes(index)).as(index).isEqualTo(1));
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'act_ru_job' "
        + "and indexdef ilike '%(duedate_)'", Integer.class)).as("no second index on the same column").isEqualTo(1);

    // Every later start: nothing to do.
    assertThat(EngineTableMigrations.migrate(engineDatabase, "").migrationsExecuted).isZero();
  }

  /** The versions recorded as applied successfully (the baseline is not one). */
  private List<String> applied() {
    return jdbc.queryForList("select version from " + EngineTableMigrations.HISTORY
        + " where success and type = 'SQL' order by installed_rank", String.class);
  }

  private int indexes(String name) {
    return jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class, name);
  }
}
