package com.caisschool.safeguarding.atrest;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.casefile.CaseFiles;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.DatabaseScan;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing a report names or tells is readable in a copy of the database (H2's SCRIPT dump and
 * every value of every table, the engine's included), while the CPO still reads it in the case
 * file, Tasklist and the REST API, and still finds the child by name in either script.
 */
@ApplicationTest
class ProtectedAtRestTest {

  static final String CHILD = "Zhao Atrest-Testchild";
  static final String CHINESE_CHILD = "赵静安测试";
  static final String OBSERVED = "Unmistakable-observation bruises near the left elbow";
  static final String DISCLOSED = "Unmistakable-disclosure about the uncle";
  static final String REPORTER = "Unmistakable-reporter Ms Ortega";
  static final String TRIAGE = "Unmistakable-triage rationale with the uncle";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseFiles caseFiles;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void noNameOrTextOfAReportIsStoredInClearYetTheCpoReadsAndFindsThem() {
    String first = reportAndTriage(CHILD);
    String second = reportAndTriage(CHINESE_CHILD);
    List<String> reported = List.of(CHILD, CHINESE_CHILD, OBSERVED, DISCLOSED, REPORTER, TRIAGE);

    assertThat(DatabaseScan.findings(dataSource, "PUBLIC", reported)).isEmpty();
    String dump = String.join("\n", jdbc.queryForList("SCRIPT", String.class));
    assertThat(dump).contains("CHRONOLOGY_ENTRY").doesNotContain(CHILD).doesNotContain(CHINESE_CHILD)
        .doesNotContain(OBSERVED).doesNotContain(DISCLOSED).doesNotContain(REPORTER).doesNotContain(TRIAGE);

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.page("/casefile/cases/" + first).body()).contains(CHILD).contains(OBSERVED).contains(REPORTER)
        .contains(TRIAGE);
    assertThat(RestApi.as(port, "cpo", "demo").get("/history/variable-instance?variableName=observations"
        + "&processInstanceId=" + processOf(second)).body()).contains(OBSERVED);
    assertThat(found(cpo, "zhao  ATREST-testchild")).contains(CHILD).doesNotContain(CHINESE_CHILD);
    assertThat(found(cpo, "赵静安 测试")).contains(CHINESE_CHILD).doesNotContain(CHILD);
  }

  @Test
  void aChildIsFoundByStudentIdAndTheIdIsNotStoredInClear() {
    String reference = reportAndTriage("Qiu Studentid-Testchild");
    long childId = caseFiles.ofCase(reference).get(0).childId();
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String token = WebappSession.csrfTokenOf(cpo.page("/casefile/children/" + childId));
    assertThat(cpo.send("POST", "/casefile/children/" + childId, token, Map.of("studentId", "S-UNIQUE-77123"))
        .status()).isEqualTo(302);

    assertThat(found(cpo, "s-unique-77123")).contains("Qiu Studentid-Testchild");
    assertThat(DatabaseScan.findings(dataSource, "PUBLIC", List.of("S-UNIQUE-77123"))).isEmpty();
  }

  private String reportAndTriage(String child) {
    Map<String, Object> report = with(bruises(child), "observations", OBSERVED, "disclosure", DISCLOSED,
        "reporterType", "in-person-parent", "reporterName", REPORTER);
    RestApi.Reply started = RestApi.as(port, "cpo", "demo").post(ConcernReports.SUBMIT, Map.of("variables", report));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("id").asText();
    new CaseSteps(port, taskService).submitOpenTask(RestApi.as(port, "cpo", "demo"), id, form("initialFacts",
        "Seen by the nurse", "authorityReportDue", "no", "triageDecision", "close", "triageRationale", TRIAGE));
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
  }

  /** The children a search on the case list finds (the list of cases below it is not part of it). */
  private static String found(WebappSession cpo, String search) {
    String page = cpo.page("/casefile?child=" + encode(search)).body();
    return page.substring(page.indexOf("class=\"child-search\""), page.indexOf("<table>"));
  }

  private String processOf(String reference) {
    return caseFiles.ofCase(reference).get(0).processInstanceId();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
