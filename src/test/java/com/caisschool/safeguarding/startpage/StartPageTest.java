package com.caisschool.safeguarding.startpage;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.WebappSession;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page people land on after signing in (issue 23): "Report a concern" first, only the
 * processes the person's start authorizations allow, by the names the models give them; after a
 * report, its case reference and the roles alerted (no names, no facts).
 */
@ApplicationTest
class StartPageTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

  @Test
  void signingInLandsOnReportAConcernWithOnlyTheProcessesTheRoleMayStart() {
    assertThat(WebappSession.anonymous(port).logIn("teacher", "demo").redirectsTo("/start")).isTrue();
    String teacher = WebappSession.loggedIn(port, "teacher", "demo").page("/start").body();
    assertThat(teacher).contains("Report a concern")
        .contains("processStart=safeguarding-concern\"")
        .contains(name("safeguarding-concern")).contains(name("self-harm-response"))
        .contains(name("allegation-against-adult")).contains(name("bullying-incident"))
        // Standing duties are not theirs to start.
        .doesNotContain("processStart=staff-training").doesNotContain("processStart=policy-review");
    // The general concern comes first: "start here if unsure".
    assertThat(teacher.indexOf("processStart=safeguarding-concern")).isLessThan(teacher.indexOf("processStart=self-harm-response"));

    String hr = WebappSession.loggedIn(port, "hr", "demo").page("/start").body();
    assertThat(hr).contains("processStart=staff-training").contains("Other things you can start");
    String chair = WebappSession.loggedIn(port, "vicechair", "demo").page("/start").body();
    assertThat(chair).doesNotContain("processStart=");
  }

  @Test
  void afterAReportTheReporterSeesItsReferenceAndTheRolesAlerted() {
    String id = new CaseSteps(port, taskService).reportConcern(bruises("Vera Confirm-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    DueJobs.run(managementService, id);

    String page = WebappSession.loggedIn(port, "teacher", "demo").page("/start").body();
    String row = page.substring(page.indexOf(reference), page.indexOf("</tr>", page.indexOf(reference)));
    assertThat(row).contains("Child Protection Officer").contains(name("safeguarding-concern"))
        .doesNotContain("Vera Confirm-Testchild").doesNotContain("Casey");
    // Someone else's report is not listed to another reporter.
    assertThat(WebappSession.loggedIn(port, "principal", "demo").page("/start").body()).doesNotContain(reference);
  }

  private String name(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getName().replace("'", "&#39;");
  }
}
