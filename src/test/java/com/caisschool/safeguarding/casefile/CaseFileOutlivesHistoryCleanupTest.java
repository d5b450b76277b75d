package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine forgets closed cases when their history time-to-live runs out; the case file does
 * not. Runs after the other application tests (its clock jump would fire their timers).
 */
@ApplicationTest
@Order(Integer.MAX_VALUE - 1)
class CaseFileOutlivesHistoryCleanupTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired Chronology chronology;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void historyCleanupLeavesTheCaseFileComplete() {
    CaseSteps steps = new CaseSteps(port, taskService);
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = steps.reportConcern(bruises("Rosa Cleanup-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    steps.submitOpenTask(cpo, id, form("initialFacts", "Seen by the coach", "authorityReportDue", "no",
        "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));
    steps.submitOpenTask(cpo, id, Map.of("variables", Map.of("outcomeSummary", string("Accidental injury"),
        "caseReviewWanted", Map.of("value", false, "type", "Boolean"))));
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      DueJobs.run(managementService, id);
      return chronology.ofCase(reference).stream().map(ChronologyEntry::kind).toList()
          .containsAll(List.of(EntryKind.NOTIFICATION, EntryKind.CLOSURE));
    });
    List<ChronologyEntry> before = chronology.ofCase(reference);

    // Ten years and a day later (the models' historyTimeToLive is P3650D), the cleanup runs.
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3651))));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    try {
      managementService.executeJob(cleanup.getId());
    } catch (ProcessEngineException ranByTheJobExecutorMeanwhile) {
      // the job executor may have taken it first
    }
    await().atMost(Duration.ofSeconds(60)).until(() ->
        historyService.createHistoricProcessInstanceQuery().processInstanceId(id).count() == 0);

    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(chronology.ofCase(reference)).isEqualTo(before).hasSizeGreaterThanOrEqualTo(4);
  }
}
