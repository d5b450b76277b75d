package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalTime;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The postgres profile's settings as the running node has them (application-postgres.yaml). */
@PostgresApplicationTest
class ProductionSettingsPostgresTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired DataSource dataSource;

  @Test
  void fullHistoryWithANightlyCleanupWindow() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getHistory()).isEqualTo("full");
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    // The engine scheduled the cleanup job inside the window.
    assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    for (Job cleanup : historyService.findHistoryCleanupJobs()) {
      LocalTime due = cleanup.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due.isAfter(LocalTime.of(21, 59)) || due.isBefore(LocalTime.of(5, 0))).as(due.toString()).isTrue();
    }
  }

  @Test
  void poolHasRoomForTheJobExecutorAndWebRequests() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var pool = (HikariDataSource) dataSource;

    assertThat(configuration.getJobExecutor().getLockTimeInMillis()).isEqualTo(300_000);
    assertThat(configuration.isJobExecutorDeploymentAware()).isFalse();
    assertThat(pool.getMaximumPoolSize()).isEqualTo(30);
    assertThat(pool.getJdbcUrl()).startsWith("jdbc:postgresql:");
  }
}
