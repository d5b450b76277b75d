package com.caisschool.safeguarding.modelchange;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.MultipartBody;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each way of breaking reporting from Camunda Modeler (the REST API's {@code deployment/create})
 * is refused with 400 naming the rule and the element, and changes nothing; a change that passes
 * is held until a second person approves it; deployments and cases are not deleted by a person.
 */
@ApplicationTest
class ModelChangeTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeTestVersions() {
    ModelFileSets.removeTestVersions(repositoryService);
  }

  @Test
  void theConcernModelDeployedAloneIsRefusedAndReportingKeepsWorking() {
    String before = latestConcern().getId();
    RestApi.Reply refused = deploy("admin", Map.of("safeguarding-concern.bpmn",
        ModelChecksTest.read(ModelChecksTest.CONCERN)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("form-resolves")
        .contains("user_task_cpo_triage").contains("concern-triage").contains("nothing was changed");
    assertThat(latestConcern().getId()).isEqualTo(before);
    assertThat(proposalsNamed("refused alone")).isZero();
    String reported = new CaseSteps(port, taskService).reportConcern(bruises("Nell Refused-Testchild"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(reported).singleResult()
        .getProcessDefinitionId()).isEqualTo(before);
  }

  @Test
  void theModelAndFormsWithoutTheDecisionTableAreRefused() {
    var files = ModelFileSets.everything();
    files.remove("concern-triage.dmn");
    RestApi.Reply refused = deploy("admin", files);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("decision-resolves")
        .contains("business_rule_task_priority").contains("'concern-priority'");
  }

  @Test
  void aModelThatCopiesCaseDataOutThroughTheEngineIsRefused() {
    String leak = "<bpmn:startEvent id=\"start_event_nightly\"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M"
        + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:endEvent id=\"end_event_copied\">"
        + "<bpmn:extensionElements><camunda:executionListener event=\"start\" expression=\"${execution"
        + ".getProcessEngineServices().getRepositoryService().createDeployment().addString('names.txt',"
        + " execution.getProcessEngineServices().getRuntimeService().createVariableInstanceQuery()"
        + ".variableName('childName').list().toString()).deploy()}\" /></bpmn:extensionElements></bpmn:endEvent>";
    RestApi.Reply refused = deploy("admin", ModelFileSets.withConcern("<bpmn:userTask id=\"user_task_cpo_triage\"",
        leak + "<bpmn:userTask id=\"user_task_cpo_triage\""));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("expressions").contains("end_event_copied")
        .contains("execution.getProcessEngineServices()");
  }

  @Test
  void aChangeThatPassesIsHeldUntilASecondPersonApprovesIt() {
    String before = latestConcern().getId();
    RestApi.Reply held = deploy("admin", ModelFileSets.concernWithVersionTag("3-held"));

    assertThat(held.status()).as(held.body()).isEqualTo(400);
    assertThat(held.json().path("message").asText()).contains("held as proposal").contains("nothing was deployed");
    long proposal = Long.parseLong(held.json().path("message").asText().replaceAll("(?s).*proposal (\\d+).*", "$1"));
    assertThat(latestConcern().getId()).as("Tasklist and new reports keep the current version").isEqualTo(before);
    String reportedMeanwhile = new CaseSteps(port, taskService).reportConcern(bruises("Ivo Meanwhile-Testchild"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(reportedMeanwhile).singleResult()
        .getProcessDefinitionId()).isEqualTo(before);

    WebappSession admin = WebappSession.loggedIn(port, "admin", "demo");
    var page = admin.page("/models/proposals/" + proposal);
    assertThat(page.body()).contains("pass every check");
    var ownApproval = admin.send("POST", "/models/proposals/" + proposal + "/approve", WebappSession.csrfTokenOf(page), Map.of());
    assertThat(ownApproval.status()).isEqualTo(400);
    assertThat(ownApproval.body()).contains("second person");
    assertThat(latestConcern().getId()).isEqualTo(before);

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    var approved = cpo.send("POST", "/models/proposals/" + proposal + "/approve",
        WebappSession.csrfTokenOf(cpo.page("/models/proposals/" + proposal)), Map.of());
    assertThat(approved.status()).as(approved.body()).isEqualTo(302);

    ProcessDefinition live = latestConcern();
    assertThat(live.getVersionTag()).isEqualTo("3-held");
    assertThat(jdbc.queryForMap("select proposed_by, approved_by, files, version_tags from model_deployment"
        + " where deployment_id = ?", live.getDeploymentId()))
        .containsEntry("PROPOSED_BY", "admin").containsEntry("APPROVED_BY", "cpo")
        .hasEntrySatisfying("FILES", files -> assertThat((String) files).contains("safeguarding-concern.bpmn")
            .contains("concern-triage.form").contains("concern-triage.dmn"))
        .hasEntrySatisfying("VERSION_TAGS", tags -> assertThat((String) tags).contains("safeguarding-concern 3-held"));
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
        .resourceId(live.getDeploymentId()).count()).as("nobody owns a deployment").isZero();
    assertThat(cpo.page("/models").body()).contains(live.getDeploymentId());
  }

  @Test
  void goingBackProposesAnEarlierVersionsFilesAgainForApproval() {
    var startUp = repositoryService.createDeploymentQuery().deploymentName("cais-safeguarding")
        .orderByDeploymentTime().desc().list().get(0);
    WebappSession admin = WebappSession.loggedIn(port, "admin", "demo");
    var proposed = admin.send("POST", "/models/deployments/" + startUp.getId() + "/propose-again",
        WebappSession.csrfTokenOf(admin.page("/models")), Map.of());
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(302);
    String proposalPage = proposed.location().replaceAll("^https?://[^/]+", "");
    assertThat(latestConcern().getDeploymentId()).as("not live before the approval").isEqualTo(startUp.getId());

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    var page = cpo.page(proposalPage);
    assertThat(page.body()).contains("pass every check").contains("processes/safeguarding-concern.bpmn");
    var approved = cpo.send("POST", proposalPage + "/approve", WebappSession.csrfTokenOf(page), Map.of());
    assertThat(approved.status()).as(approved.body()).isEqualTo(302);

    ProcessDefinition back = latestConcern();
    assertThat(back.getDeploymentId()).isNotEqualTo(startUp.getId());
    assertThat(repositoryService.getDeploymentResourceNames(back.getDeploymentId()))
        .containsExactlyInAnyOrderElementsOf(repositoryService.getDeploymentResourceNames(startUp.getId()));
  }

  @Test
  void aDryRunChecksFilesWithoutDeployingOrProposingThem() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long proposals = jdbc.queryForObject("select count(*) from model_proposal", Long.class);
    WebappSession admin = WebappSession.loggedIn(port, "admin", "demo");
    String token = WebappSession.csrfTokenOf(admin.page("/models"));

    var broken = admin.sendMultipart("/models/check", token, new MultipartBody().files("files", ModelFileSets
        .withConcern("camunda:dueDate=\"${workingDays.after(caseStudyTeamDeadline)}\" ", "")));
    assertThat(broken.status()).as(broken.body()).isEqualTo(200);
    assertThat(broken.body()).contains("user-task-due-date").contains("user_task_case_study_team");
    var good = admin.sendMultipart("/models/check", token, new MultipartBody().files("files", ModelFileSets.everything()));
    assertThat(good.body()).contains("pass every check");

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(jdbc.queryForObject("select count(*) from model_proposal", Long.class)).isEqualTo(proposals);
  }

  @Test
  void nobodyDeletesADeploymentOrCancelsACaseThroughTheRestApiOrCockpit() {
    String caseId = new CaseSteps(port, taskService).reportConcern(bruises("Pia Kept-Testchild"));
    String deploymentId = latestConcern().getDeploymentId();

    RestApi.Reply deletion = RestApi.as(port, "admin", "demo").delete("/deployment/" + deploymentId + "?cascade=true");
    assertThat(deletion.status()).as(deletion.body()).isEqualTo(403);
    assertThat(deletion.body()).contains("never deleted");
    RestApi.Reply cancel = RestApi.as(port, "cpo", "demo").delete("/process-instance/" + caseId);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(403);
    assertThat(cancel.body()).contains("case file");

    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
  }

  @Test
  void theApplicationsOwnDeploymentAtStartUpWasCheckedAndRecorded() {
    var startUp = repositoryService.createDeploymentQuery().deploymentName("cais-safeguarding")
        .orderByDeploymentTime().desc().list().get(0);
    assertThat(jdbc.queryForMap("select proposed_by, approved_by, files, added_elements, version_tags"
        + " from model_deployment where deployment_id = ?", startUp.getId()))
        .containsEntry("PROPOSED_BY", "application").containsEntry("APPROVED_BY", null)
        .hasEntrySatisfying("FILES", files -> assertThat((String) files).contains("processes/safeguarding-concern.bpmn")
            .contains("forms/concern-triage.form"))
        .hasEntrySatisfying("ADDED_ELEMENTS", added -> assertThat((String) added)
            .contains("safeguarding-concern: ").contains("user_task_cpo_triage"))
        .hasEntrySatisfying("VERSION_TAGS", tags -> assertThat((String) tags).contains("self-harm-response 4"));
  }

  @Test
  void onlyApproversOpenTheModelsPageAndOnlyAdministratorsMoveCases() {
    assertThat(WebappSession.loggedIn(port, "teacher", "demo").page("/models").status()).isEqualTo(403);
    assertThat(WebappSession.loggedIn(port, "cpo", "demo").page("/models/migration").status()).isEqualTo(403);
    assertThat(WebappSession.loggedIn(port, "admin", "demo").page("/models/migration").status()).isEqualTo(200);
  }

  private RestApi.Reply deploy(String user, Map<String, byte[]> files) {
    return RestApi.as(port, user, "demo").postMultipart("/deployment/create", new MultipartBody()
        .field("deployment-name", ModelFileSets.FROM_MODELER).field("deployment-source", "Camunda Modeler")
        .files(null, files));
  }

  private ProcessDefinition latestConcern() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("safeguarding-concern")
        .latestVersion().singleResult();
  }

  private long proposalsNamed(String name) {
    return jdbc.queryForObject("select count(*) from model_proposal where name = ?", Long.class, name);
  }

  static String utf8(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }
}
