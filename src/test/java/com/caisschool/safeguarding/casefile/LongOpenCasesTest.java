package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.EngineClock;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case open longer than {@code safeguarding.case-file.long-open-after} (90 days) alerts the CPO,
 * then once a month while it stays open: the morning job's work, run with the engine clock moved.
 */
@ApplicationTest
class LongOpenCasesTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired LongOpenCases longOpenCases;
  @Autowired MorningLongOpenCaseAlert morningJob;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void aCaseOpenLongerThanNinetyDaysAlertsTheCpoThenOnceAMonth() {
    String id = new CaseSteps(port, taskService).reportConcern(bruises("Lars Longopen-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    DueJobs.run(managementService, id);

    EngineClock.passTime(Duration.ofDays(89));
    assertThat(longOpenCases.alertDue()).as("89 days open").doesNotContain(reference);
    EngineClock.passTime(Duration.ofDays(2));
    morningJob.run();
    assertThat(alertsOf(reference)).as("91 days open: the morning job alerts").isOne();
    assertThat(longOpenCases.alertDue()).as("the same day again").doesNotContain(reference);
    EngineClock.passTime(Duration.ofDays(20));
    assertThat(longOpenCases.alertDue()).as("20 days after the alert").doesNotContain(reference);
    EngineClock.passTime(Duration.ofDays(12));
    assertThat(longOpenCases.alertDue()).as("a month after the alert").contains(reference);

    assertThat(alertsOf(reference)).isEqualTo(2);
    assertThat(jdbc.queryForList("select recipients from notification where case_reference = ? and kind = ?",
        String.class, reference, LongOpenCases.ALERT_KIND)).containsOnly("cpo");
  }

  private int alertsOf(String reference) {
    return jdbc.queryForObject("select count(*) from notification where case_reference = ? and kind = ?",
        Integer.class, reference, LongOpenCases.ALERT_KIND);
  }
}
