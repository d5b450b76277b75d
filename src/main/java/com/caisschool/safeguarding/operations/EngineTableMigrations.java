package com.caisschool.safeguarding.operations;

import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.stereotype.Component;

/**
 * The application's migrations of Camunda's own tables ({@value #LOCATION}): the indexes its schema
 * lacks and the application relies on (issue 25, README "Performance"). They are Flyway migrations
 * like the application's own tables' ({@code db/migration}), with a history table of their own
 * ({@value #HISTORY}), because they cannot run with those: on a new database the application's
 * migrations may run before the engine has made its tables. These run right after the engine has
 * made or updated its tables, at every start of every node; Flyway applies each once, and nodes
 * starting together on PostgreSQL wait for one another on its lock. A failed migration stops the start,
 * as the application's own do.
 *
 * <p>A database of before these migrations has no history table but may already have the indexes,
 * of the same names, made at start-up by the application of then: it is baselined below the first
 * migration, and every migration says {@code if not exists}.
 */
@Component
class EngineTableMigrations extends AbstractProcessEnginePlugin {

  static final String LOCATION = "classpath:db/engine";
  static final String HISTORY = "engine_schema_history";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    migrate(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
  }

  /** Applies those not applied yet to the engine's database, whose tables carry the prefix. */
  static MigrateResult migrate(DataSource engineDatabase, String tablePrefix) {
    return Flyway.configure(EngineTableMigrations.class.getClassLoader())
        .dataSource(engineDatabase)
        .locations(LOCATION)
        .table(HISTORY)
        // The engine's tables are there: the schema is never empty when this runs.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(Map.of("engine_table_prefix", tablePrefix == null ? "" : tablePrefix))
        .load()
        .migrate();
  }
}
