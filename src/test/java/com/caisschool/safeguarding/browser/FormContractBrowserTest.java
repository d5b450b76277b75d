package com.caisschool.safeguarding.browser;

import static com.caisschool.safeguarding.browser.BrowserSuiteTest.LOWER_CASE;
import static com.caisschool.safeguarding.browser.BrowserSuiteTest.field;
import static com.caisschool.safeguarding.browser.BrowserSuiteTest.logIn;
import static com.caisschool.safeguarding.browser.BrowserSuiteTest.withEvidence;
import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.json;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.RestApi;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server's form contract and Tasklist agree, on two forms with FEEL conditions: what Tasklist
 * refuses in the browser (a required field its condition shows, left empty) the server refuses
 * too, naming the same field; and a required field Tasklist hides is not demanded by the server
 * when Tasklist completes the task.
 */
@ApplicationTest
class FormContractBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @BeforeAll
  static void browserIsInstalled() {
    Browser.requireInstalled();
  }

  @Test
  void furtherDiscoveryWithoutItsPlanIsRefusedInTasklistAndByTheServerAndTheHiddenMonitoringPlanIsNotDemanded() {
    CaseSteps steps = new CaseSteps(port, taskService);
    String id = steps.reportConcern(bruises("Gus Tasklist-Testchild"));
    steps.decideAuthoritiesNotNow(RestApi.as(port, "cpo", "demo"), id);
    steps.submitOpenTask(RestApi.as(port, "cpo", "demo"), id, form("initialFacts", "Seen twice",
        "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "For the team"));
    Task decision = openTask(id, "user_task_case_study_team");

    try (Browser principal = Browser.start()) {
      withEvidence(principal, "principal", () -> {
        openClaimed(principal, "principal", decision.getId(), "attendees");
        principal.type(field("attendees"), "CPO, principal");
        principal.type(field("legalEthicalConsiderations"), "Duty of care");
        principal.type(field("agenciesConsulted"), "none");
        principal.click(By.cssSelector("input[id*='field_courseOfAction_'][id$='-0']")); // further discovery
        principal.type(field("courseOfActionRationale"), "We need the class teacher's view");
        principal.click(By.cssSelector("input[id*='field_parentsInformed_'][id$='-0']")); // parents informed: yes
        assertThat(principal.all(field("monitoringPlan"))).as("Tasklist hides the monitoring plan").isEmpty();

        complete(principal);
        assertThat(principal.find(error("discoveryPlan")).getText()).containsIgnoringCase("required");
        dismissNotices(principal);
        assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).isOne();

        RestApi.Reply sameSubmission = RestApi.as(port, "principal", "demo").post("/task/" + decision.getId()
            + "/submit-form", form("attendees", "CPO, principal", "legalEthicalConsiderations", "Duty of care",
            "agenciesConsulted", "none", "courseOfAction", "further-discovery",
            "courseOfActionRationale", "We need the class teacher's view", "parentsInformed", "yes"));
        assertThat(sameSubmission.status()).as(sameSubmission.body()).isEqualTo(400);
        assertThat(sameSubmission.json().path("message").asText()).contains("(discoveryPlan)");

        principal.type(field("discoveryPlan"), "Talk to the class teacher");
        complete(principal);
        await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().taskId(decision.getId()).count() == 0);
      });
    }
    assertThat(runtimeService.getActiveActivityIds(id)).contains("user_task_further_discovery");
    assertThat(runtimeService.getVariables(id)).containsEntry("discoveryPlan", "Talk to the class teacher")
        .doesNotContainKey("monitoringPlan");
  }

  @Test
  void aSuspectedParentIsRequiredWhenTasklistShowsItAndNotWhenItHidesIt() {
    Map<String, Object> selfHarm = new HashMap<>(with(bruises("Hana Tasklist-Testchild"), "concernAbout", "unknown",
        "observations", "Fresh cuts on the forearm", "disclosure", "I hurt myself"));
    selfHarm.put("categories", json("[\"self-harm\"]"));
    String reference = runtimeService.createProcessInstanceQuery()
        .processInstanceId(new CaseSteps(port, taskService).reportConcern(selfHarm)).singleResult().getBusinessKey();
    String response = runtimeService.createProcessInstanceQuery().processDefinitionKey("self-harm-response")
        .processInstanceBusinessKey(reference).singleResult().getId();
    Task assessment = openTask(response, "user_task_risk_assessment");

    try (Browser counselor = Browser.start()) {
      withEvidence(counselor, "counselor", () -> {
        openClaimed(counselor, "counselor", assessment.getId(), "riskAssessmentSummary");
        fillAssessment(counselor, "0", "Bruises match a belt"); // yes: a parent is suspected

        complete(counselor);
        assertThat(counselor.find(error("suspectedParent")).getText()).containsIgnoringCase("required");
        dismissNotices(counselor);
        RestApi.Reply sameSubmission = RestApi.as(port, "counselor", "demo").post("/task/" + assessment.getId()
            + "/submit-form", form("riskLevel", "low", "riskAssessmentSummary", "Talked for an hour; no plan to harm",
            "parentAbuseSuspected", "yes", "parentAbuseReason", "Bruises match a belt"));
        assertThat(sameSubmission.status()).as(sameSubmission.body()).isEqualTo(400);
        assertThat(sameSubmission.json().path("message").asText()).contains("(suspectedParent)");

        // Tasklist keeps the error of a field it then hides (Complete stays disabled): the form is
        // opened afresh, as a person would reload it.
        counselor.driver.navigate().refresh();
        counselor.until(driver -> driver.findElement(field("riskAssessmentSummary")).isEnabled());
        fillAssessment(counselor, "1", "A fall at football, seen by the coach"); // no
        assertThat(counselor.all(field("suspectedParent"))).as("Tasklist hides the suspected parent").isEmpty();
        complete(counselor);
        await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().taskId(assessment.getId()).count() == 0);
      });
    }
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(response)
        .variableName("parentAbuseSuspected").singleResult().getValue()).isEqualTo("no");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(response)
        .variableName("suspectedParent").count()).isZero();
  }

  /** Logs in, opens the task in Tasklist, claims it and waits until its form can be filled. */
  private void openClaimed(Browser browser, String user, String taskId, String firstField) {
    logIn(browser, "http://localhost:" + port, user);
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.click(By.xpath("//*[contains(@class,'task-details')]//a[" + LOWER_CASE + "='claim'] | //button["
        + LOWER_CASE + "='claim']"));
    browser.until(driver -> driver.findElement(field(firstField)).isEnabled());
  }

  private static void fillAssessment(Browser counselor, String abuseSuspected, String reason) {
    counselor.click(By.cssSelector("input[id*='field_riskLevel_'][id$='-0']")); // low
    counselor.type(field("riskAssessmentSummary"), "Talked for an hour; no plan to harm");
    counselor.click(By.cssSelector("input[id*='field_parentAbuseSuspected_'][id$='-" + abuseSuspected + "']"));
    counselor.type(field("parentAbuseReason"), reason);
  }

  private static void complete(Browser browser) {
    browser.click(By.cssSelector("button[ng-click='complete()']"));
  }

  /** Closes Tasklist's notice of a refused completion (it stays, over the Complete button). */
  private static void dismissNotices(Browser browser) {
    browser.all(By.cssSelector(".page-notifications button.close")).stream().filter(WebElement::isDisplayed)
        .forEach(WebElement::click);
  }

  private static By error(String key) {
    return By.cssSelector("[id*='field_" + key + "_'][id$='-error-message']");
  }

  private Task openTask(String processInstanceId, String key) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult(), task -> task != null);
  }
}
