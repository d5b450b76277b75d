package com.caisschool.safeguarding.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In-person reports: the CPO records them with the normal start form on behalf of the person, and
 * the form's "Who is reporting?" (reporterType) is kept with the case; an unknown choice is refused.
 */
@ApplicationTest
class InPersonReportTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;

  @Test
  void cpoRecordsAnInPersonReportOnBehalfOfAParentWithTheReporterType() {
    Map<String, Object> report = ConcernReports.with(ConcernReports.bruises("Omar Haddad-Testchild"),
        "reporterType", "in-person-parent", "reporterName", "Mother, phone on file");

    RestApi.Reply started = RestApi.as(port, "cpo", "demo").post(ConcernReports.SUBMIT, Map.of("variables", report));

    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    assertThat(runtimeService.getVariables(instanceId)).containsEntry("reporterType", "in-person-parent")
        .as("who reported is in the case file only").doesNotContainKey("reporterName");
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
    assertThat(WebappSession.loggedIn(port, "deputy", "demo").page("/casefile/cases/" + reference).body())
        .contains("Mother, phone on file");
  }

  @Test
  void aReporterTypeTheFormDoesNotOfferIsRefused() {
    Map<String, Object> report = ConcernReports.with(ConcernReports.bruises("Omar Haddad-Testchild"),
        "reporterType", "carrier-pigeon");

    RestApi.Reply refused = RestApi.as(port, "cpo", "demo").post(ConcernReports.SUBMIT, Map.of("variables", report));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("reporterType");
  }

  @Test
  void onlyTheCpoOrTheDeputyRecordsAReportMadeInPersonAndNobodyPosesAsAChannel() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").count();
    for (String[] attempt : new String[][] {{"teacher", "in-person-parent"}, {"principal", "in-person-student"},
        {"teacher", "public-page"}, {"cpo", "email"}}) {
      Map<String, Object> report = ConcernReports.with(ConcernReports.bruises("Omar Haddad-Testchild"),
          "reporterType", attempt[1]);
      RestApi.Reply refused = RestApi.as(port, attempt[0], "demo").post(ConcernReports.SUBMIT,
          Map.of("variables", report));
      assertThat(refused.status()).as(attempt[0] + " as " + attempt[1]).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("Who is reporting?");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").count())
        .as("nothing started").isEqualTo(before);
    assertThat(RestApi.as(port, "deputy", "demo").post(ConcernReports.SUBMIT, Map.of("variables",
        ConcernReports.with(ConcernReports.bruises("Omar Haddad-Testchild"), "reporterType", "in-person-student")))
        .status()).isEqualTo(200);
  }
}
