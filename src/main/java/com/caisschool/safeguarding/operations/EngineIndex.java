package com.caisschool.safeguarding.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index on one of the engine's tables that Camunda's schema lacks (issue 25). Made at start once
 * the engine has made or updated its tables, because the application's Flyway migrations may run
 * before them on a new database; {@code if not exists}, so every start and every node may ask.
 */
record EngineIndex(String name, String table, String columns) {

  private static final Logger log = LoggerFactory.getLogger(EngineIndex.class);

  void make(ProcessEngineConfigurationImpl configuration) {
    String prefixed = configuration.getDatabaseTablePrefix() + table;
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + name + " on " + prefixed + " (" + columns + ")");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // Another node making it at the same moment; or no right to: the queries still run, more slowly.
      log.warn("The index {} on {} was not made: {}", name, prefixed, e.getSQLState());
    }
  }
}
