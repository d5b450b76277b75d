package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.RestApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine forgets closed cases when their history time-to-live runs out; the case file does
 * not. Runs after the other application tests (its clock jump makes their timers due).
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
    EngineClock.reset();
  }

  @Test
  void historyCleanupLeavesTheCaseFileComplete() {
    CaseSteps steps = new CaseSteps(port, taskService);
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = steps.reportConcern(bruises("Rosa Cleanup-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    DueJobs.run(managementService, id);
    steps.decideAuthoritiesNotNow(cpo, id);
    steps.submitOpenTask(cpo, id, form("initialFacts", "Seen by the coach", "authorityReportDue", "no",
        "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));
    steps.signOffTriageClosure(RestApi.as(port, "deputy", "demo"), id);
    steps.submitOpenTask(cpo, id, Map.of("variables", Map.of("outcomeSummary", string("Accidental injury"),
        "caseReviewWanted", Map.of("value", false, "type", "Boolean"), "parentsInformed", string("yes"))));
    assertThat(chronology.ofCase(reference)).extracting(ChronologyEntry::kind)
        .contains(EntryKind.NOTIFICATION, EntryKind.CLOSURE);
    List<ChronologyEntry> before = chronology.ofCase(reference);

    // Ten years and a day later (the models' historyTimeToLive is P3650D), the cleanup runs, in
    // batches, until it has nothing left to remove.
    EngineClock.passTime(Duration.ofDays(3651));
    for (int batch = 0; batch < 20 && historicInstances(id) > 0; batch++) {
      managementService.executeJob(historyService.cleanUpHistoryAsync(true).getId());
    }
    assertThat(historicInstances(id)).isZero();

    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(chronology.ofCase(reference)).isEqualTo(before).hasSizeGreaterThanOrEqualTo(4);
  }

  private long historicInstances(String processInstanceId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count();
  }
}
