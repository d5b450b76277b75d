package com.caisschool.safeguarding.modelchange;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.Map;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The move on H2, through the administrators' page (/models/migration). */
@ApplicationTest
class CaseMigrationPageTest extends CaseMovesToANewVersion {

  @LocalServerPort int port;

  @Override
  String caseAtTheCaseStudyTeam() {
    CaseSteps steps = new CaseSteps(port, taskService);
    String caseId = steps.reportConcern(bruises("Lena Moved-Testchild"));
    DueJobs.run(managementService, caseId);
    steps.submitTask(RestApi.as(port, "cpo", "demo"), caseId, "user_task_cpo_triage", form("initialFacts", "Marks seen by the nurse",
        "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    DueJobs.run(managementService, caseId);
    return caseId;
  }

  @Override
  String move(String sourceId, String targetId, String processInstanceId) {
    WebappSession admin = WebappSession.loggedIn(port, "admin", "demo");
    var plan = admin.page("/models/migration?source=" + sourceId + "&target=" + targetId);
    assertThat(plan.status()).isEqualTo(200);
    assertThat(plan.body()).contains("id=\"plan-ok\"").contains(processInstanceId)
        .doesNotContain("Lena Moved-Testchild");
    var moved = admin.send("POST", "/models/migration", WebappSession.csrfTokenOf(plan),
        Map.of("source", sourceId, "target", targetId, "cases", processInstanceId));
    assertThat(moved.status()).as(moved.body()).isEqualTo(302);
    return "admin";
  }
}
