package com.caisschool.safeguarding.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the due date of the engine's jobs (issue 25, README "Performance"). The job
 * executor of every node asks, several times a second while cases are reported, for the jobs that
 * are due ("no due date, or one already past"); Camunda's schema has no index for it, so
 * PostgreSQL read every job each time, most of them timers of open cases due days or weeks later
 * (13 ms a time at 5,000 open cases, competing with people's requests for the same two cores).
 * With the index it reads the due jobs only. Made here, once the engine has made or updated its
 * tables, because the application's Flyway migrations may run before them on a new database.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "job_due_for_acquisition";
  private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + INDEX + " on " + table + " (DUEDATE_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // Another node making it at the same moment; or no right to: the jobs still run, more slowly.
      log.warn("The jobs' due-date index {} was not made: {}", INDEX, e.getSQLState());
    }
  }
}
