package com.caisschool.safeguarding.rest;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Setting a follow-up or due date: Tasklist sends the whole task back as it read it, the form
 * reference (camundaFormRef) included, and so may an integration. The form reference is the
 * model's, read-only: the update is saved, and the task keeps its form.
 */
@ApplicationTest
class WholeTaskSentBackTest {

  private static final String WEBAPP_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  private String instance;
  private Task triage;

  @BeforeEach
  void aCaseAtTriage() {
    instance = new CaseSteps(port, taskService).reportConcern(bruises("Fola Followup-Testchild"));
    DueJobs.run(managementService, instance);
    triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("user_task_cpo_triage")
        .singleResult();
  }

  @AfterEach
  void caseRemoved() {
    runtimeService.deleteProcessInstance(instance, "test done");
  }

  @Test
  void tasklistSetsAFollowUpDateBySendingTheWholeTaskBack() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    ObjectNode shown = (ObjectNode) cpo.getHal(WEBAPP_API + "/task/" + triage.getId()).json();
    assertThat(shown.path("camundaFormRef").path("key").asText()).isNotEmpty();
    shown.remove("_embedded");
    shown.remove("_links");
    shown.put("followUp", "2030-01-15T09:00:00.000+0000");

    WebappSession.Reply saved = cpo.put(WEBAPP_API + "/task/" + triage.getId(), shown);

    assertThat(saved.status()).as(saved.body()).isEqualTo(204);
    Task after = taskService.createTaskQuery().taskId(triage.getId()).initializeFormKeys().singleResult();
    assertThat(after.getFollowUpDate()).isNotNull();
    assertThat(after.getCamundaFormRef().getKey()).isEqualTo(shown.path("camundaFormRef").path("key").asText());
  }

  @Test
  void anIntegrationMaySendTheTaskBackAsTheRestApiGaveIt() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    ObjectNode shown = (ObjectNode) cpo.get("/task/" + triage.getId()).json();
    shown.put("due", "2030-01-16T09:00:00.000+0000");

    RestApi.Reply saved = cpo.put("/task/" + triage.getId(), shown);

    assertThat(saved.status()).as(saved.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult().getDueDate()).hasYear(2030);
  }

  @Test
  void aFormReferenceSentBackCannotChangeTheTasksForm() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    ObjectNode shown = (ObjectNode) cpo.get("/task/" + triage.getId()).json();
    String form = shown.path("camundaFormRef").path("key").asText();
    ((ObjectNode) shown.path("camundaFormRef")).put("key", "concern-no-action");

    RestApi.Reply saved = cpo.put("/task/" + triage.getId(), shown);

    assertThat(saved.status()).as(saved.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo(form);
  }
}
