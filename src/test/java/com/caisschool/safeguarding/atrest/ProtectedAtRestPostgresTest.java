package com.caisschool.safeguarding.atrest;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.casefile.ChronologyEntry;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.DatabaseScan;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@link ProtectedAtRestTest} on PostgreSQL in the production profile: every value of every table scanned. */
@PostgresApplicationTest
class ProtectedAtRestPostgresTest {

  static final String CHILD = "Pan Pgatrest-Testchild 潘测试";
  static final String OBSERVED = "Pg-unmistakable observation of a burn on the wrist";
  static final String REPORTER = "Pg-unmistakable reporter Mr Lindqvist";
  static final String TRIAGE = "Pg-unmistakable triage rationale naming the stepfather";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired Chronology chronology;
  @Autowired DataSource dataSource;

  @Test
  void noNameOrTextOfAReportIsStoredInClearInAnyTable() {
    RestApi cpo = PostgresApplication.restAs(port, PostgresUsers.CPO);
    Map<String, Object> report = with(bruises(CHILD), "observations", OBSERVED, "reporterType", "in-person-parent",
        "reporterName", REPORTER);
    RestApi.Reply started = cpo.post(ConcernReports.SUBMIT, Map.of("variables", report));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("id").asText();
    // The job executor sends the new-concern alert first (submitting meanwhile would meet its lock).
    await().atMost(Duration.ofSeconds(60)).until(() ->
        managementService.createJobQuery().processInstanceId(id).executable().count() == 0);
    new CaseSteps(port, taskService).submitOpenTask(cpo, id, form("initialFacts", "Seen by the nurse",
        "authorityReportDue", "no", "triageDecision", "close", "triageRationale", TRIAGE));

    assertThat(DatabaseScan.findings(dataSource, "public", List.of(CHILD, OBSERVED, REPORTER, TRIAGE))).isEmpty();
    String reference = started.json().path("businessKey").asText();
    assertThat(chronology.ofCase(reference)).extracting(ChronologyEntry::details).filteredOn(d -> d != null)
        .anySatisfy(details -> assertThat(details).contains(CHILD).contains(OBSERVED));
    assertThat(cpo.get("/history/variable-instance?variableName=triageRationale&processInstanceId=" + id).body())
        .contains(TRIAGE);
  }
}
