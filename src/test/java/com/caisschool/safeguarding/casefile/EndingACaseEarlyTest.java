package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ending a case early is a step of its case file: with a reason, recorded, its history kept. */
@ApplicationTest
class EndingACaseEarlyTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired Chronology chronology;

  @Test
  void theCpoEndsACaseEarlyWithAReasonThatTheCaseFileRecords() {
    String caseId = new CaseSteps(port, taskService).reportConcern(bruises("Olga Duplicate-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult()
        .getBusinessKey();
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    var page = cpo.page("/casefile/cases/" + reference);
    assertThat(page.body()).contains("End the case early");
    String token = WebappSession.csrfTokenOf(page);

    var withoutReason = cpo.send("POST", "/casefile/cases/" + reference + "/end-early", token,
        Map.of("processInstanceId", caseId, "reason", " "));
    assertThat(withoutReason.status()).isEqualTo(400);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count()).isOne();

    var ended = cpo.send("POST", "/casefile/cases/" + reference + "/end-early", token,
        Map.of("processInstanceId", caseId, "reason", "Reported twice: same as the case opened this morning"));
    assertThat(ended.status()).as(ended.body()).isEqualTo(302);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult())
        .as("the history is kept").satisfies(history -> assertThat(history.getDeleteReason()).contains("cpo"));
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.ENDED_EARLY)
        .singleElement().satisfies(entry -> {
          assertThat(entry.actor()).isEqualTo("cpo");
          assertThat(entry.reason()).isEqualTo("Reported twice: same as the case opened this morning");
        });
  }
}
