package com.caisschool.safeguarding.duties;

import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees what of the standing duties in the running application: a member of staff sees only
 * their own confirmation and training record, HR sees every training record, the CPO sees who has
 * not confirmed, and a duty never becomes a case file or gives anyone access to a case.
 */
@ApplicationTest
class StandingDutiesAccessTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired AuthorizationService authorizationService;
  @Autowired JdbcTemplate jdbc;

  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeTheDuties() {
    for (String key : List.of("policy-review", "staff-training")) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
    }
  }

  String start(RestApi user, String processKey, Map<String, Object> variables) {
    RestApi.Reply reply = user.post("/process-definition/key/" + processKey + "/submit-form", variables);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String id = reply.json().path("id").asText();
    started.add(id);
    return id;
  }

  Task openTask(String processInstanceId, String taskKey) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      DueJobs.run(managementService, processInstanceId);
      return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).count() > 0;
    });
    // The review date's branch runs on its own timer: let it finish before the next person acts.
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      DueJobs.run(managementService, processInstanceId);
      return managementService.createJobQuery().processInstanceId(processInstanceId).executable().count() == 0;
    });
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().get(0);
  }

  void submit(RestApi user, Task task, Map<String, Object> form) {
    RestApi.Reply done = user.post("/task/" + task.getId() + "/submit-form", form);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  @Test
  void staffSeeOnlyTheirOwnTrainingRecordAndHrSeesEveryone() {
    RestApi hr = RestApi.as(port, "hr", "demo");
    String teachers = start(hr, "staff-training", form("staffMember", "teacher", "startDate", "2026-11-20"));
    String counselors = start(hr, "staff-training", form("staffMember", "counselor", "startDate", "2026-11-20"));
    submit(RestApi.as(port, "counselor", "demo"), openTask(counselors, "user_task_induction_training"),
        form("trainingCourse", "Designated safeguarding lead", "trainingProvider", "Counselor-Provider-Q",
            "trainingCompletedOn", "2026-11-25", "expiresOn", "2028-11-25"));
    openTask(teachers, "user_task_induction_training");
    // Started in January, induction due 30 days on: overdue now.
    openTask(start(hr, "staff-training", form("staffMember", "principal", "startDate", "2026-01-05")),
        "user_task_induction_training");

    RestApi teacher = RestApi.as(port, "teacher", "demo");
    JsonNode teachersTasks = teacher.get("/task?processDefinitionKey=staff-training").json();
    assertThat(teachersTasks).hasSize(1);
    assertThat(teachersTasks.get(0).path("assignee").asText()).isEqualTo("teacher");
    assertThat(teacher.get("/task/" + teachersTasks.get(0).path("id").asText() + "/deployed-form").status())
        .isEqualTo(200);
    assertThat(teacher.get("/process-instance?processDefinitionKey=staff-training").json()).isEmpty();
    assertThat(teacher.get("/process-instance/" + counselors + "/variables").status()).isIn(403, 404);

    String teachersPage = WebappSession.loggedIn(port, "teacher", "demo").page("/training").body();
    assertThat(teachersPage).contains("Your safeguarding training").contains("induction due")
        .doesNotContain("Counselor-Provider-Q").doesNotContain("counselor").doesNotContain("principal");

    String hrPage = WebappSession.loggedIn(port, "hr", "demo").page("/training").body();
    assertThat(hrPage).contains("Counselor-Provider-Q").contains(">teacher<").contains(">counselor<");
    String hrOverdue = hrPage.substring(hrPage.indexOf("<h2>Overdue</h2>"), hrPage.indexOf("</ul>"));
    assertThat(hrOverdue).as("the overdue list").contains(">principal<").doesNotContain(">teacher<");
    assertThat(hr.get("/task?processDefinitionKey=staff-training").json()).hasSizeGreaterThanOrEqualTo(1);
    String cposPage = WebappSession.loggedIn(port, "cpo", "demo").page("/training").body();
    assertThat(cposPage).contains("Counselor-Provider-Q");
    assertThat(cposPage.substring(cposPage.indexOf("<h2>Overdue</h2>"), cposPage.indexOf("</ul>"))).contains(">principal<");
  }

  @Test
  void theOverviewShowsTheCpoAndTheHeadWhenEachYearlyDutyStartsByItself() {
    for (String reader : List.of("cpo", "head")) {
      String overview = WebappSession.loggedIn(port, reader, "demo").page("/overview").body();
      String practice = overview.substring(overview.indexOf("Yearly review of safeguarding practice"));
      assertThat(practice.substring(0, practice.indexOf("</tr>"))).as(reader).contains("Starts by itself")
          .containsPattern("20\\d\\d-01-17");
      String photos = overview.substring(overview.indexOf("student photos deleted"));
      assertThat(photos.substring(0, photos.indexOf("</tr>"))).as(reader).contains("Starts by itself")
          .containsPattern("20\\d\\d-06-16");
    }
  }

  @Test
  void everyMemberOfStaffConfirmsThePolicyInTheirOwnTaskAndTheCpoSeesWhoHasNot() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    // The review starts by itself every year; the CPO may start this year's early in Tasklist (no form).
    String review = start(cpo, "policy-review", Map.of());
    String reference = (String) runtimeService.getVariable(review, "dutyReference");
    assertThat(reference).startsWith("Policy review 20");
    submit(cpo, openTask(review, "user_task_prepare_revision"), form("policyVersion", "2026-01",
        "changesSummary", "Section 4", "changesRationale", "New guidance", "documentLink", "https://docs.example/p",
        "modelsChanged", "none"));
    submit(RestApi.as(port, "smt", "demo"), openTask(review, "user_task_smt_approval"),
        form("smtDecision", "approve", "smtDecisionReason", "Sound"));
    submit(RestApi.as(port, "chair", "demo"), openTask(review, "user_task_board_approval"),
        form("boardDecision", "approve", "boardDecisionReason", "Approved"));
    submit(cpo, openTask(review, "user_task_publish_policy"),
        form("publishedOn", "2026-01-09", "websiteLink", "https://caisschool.com/policy"));
    openTask(review, "user_task_acknowledge_policy");

    RestApi teacher = RestApi.as(port, "teacher", "demo");
    JsonNode own = teacher.get("/task?taskDefinitionKey=user_task_acknowledge_policy").json();
    assertThat(own).hasSize(1);
    assertThat(own.get(0).path("assignee").asText()).isEqualTo("teacher");
    assertThat(taskService.createTaskQuery().processInstanceId(review).taskDefinitionKey("user_task_acknowledge_policy")
        .count()).as("one task per member of staff").isGreaterThan(3);
    assertThat(teacher.get("/process-instance/" + review + "/variables").status()).isIn(403, 404);
    submit(teacher, taskService.createTaskQuery().processInstanceId(review).taskAssignee("teacher").singleResult(),
        form("policyRead", "read"));

    String overview = WebappSession.loggedIn(port, "cpo", "demo").page("/overview").body();
    String row = overview.substring(overview.indexOf(reference));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains("counselor").contains("hr").doesNotContain("teacher");
    assertThat(WebappSession.loggedIn(port, "head", "demo").page("/overview").status()).isEqualTo(200);
    assertThat(WebappSession.loggedIn(port, "teacher", "demo").get("/overview").status()).isEqualTo(403);

    // Not a case: no case file, no chronology, no per-case grant, not in the CPO's case list.
    for (String id : started) {
      assertThat(jdbc.queryForObject("select count(*) from case_file where process_instance_id = ?", Integer.class, id))
          .isZero();
      assertThat(jdbc.queryForObject("select count(*) from chronology_entry where process_instance_id = ?",
          Integer.class, id)).isZero();
      assertThat(authorizationService.createAuthorizationQuery().resourceId(id).count()).isZero();
    }
    assertThat(WebappSession.loggedIn(port, "cpo", "demo").page("/casefile").body()).doesNotContain("Policy review");
  }
}
