package com.caisschool.safeguarding.operations;

import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The full concern path through the REST API on PostgreSQL: a teacher reports, the CPO triages,
 * the Case Study Team decides no action, the CPO signs off and closes the case; the history
 * (level FULL) keeps every step.
 */
@PostgresApplicationTest
class ConcernPathPostgresTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void reportTriageTeamDecisionSignOffAndClosureOnPostgres() {
    RestApi teacher = PostgresApplication.restAs(port, PostgresUsers.TEACHER);
    RestApi cpo = PostgresApplication.restAs(port, PostgresUsers.CPO);
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");

    RestApi.Reply started = teacher.post(ConcernReports.SUBMIT,
        Map.of("variables", ConcernReports.bruises("Ada Moreno-Testchild")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseId = started.json().path("id").asText();

    // The bruises are suspected abuse: the first-hour decision on the authorities (issue 16) comes first.
    complete(cpo, caseId, "user_task_authority_decision", form("authoritiesToldNow", "no",
        "authorityDecisionReason", "Marks explained by the school nurse"));
    complete(cpo, caseId, "user_task_cpo_triage", form("initialFacts", "Class teacher confirms the marks",
        "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    complete(cpo, caseId, "user_task_case_study_team", form("attendees", "CPO, deputy, counselor",
        "legalEthicalConsiderations", "Duty to report considered", "agenciesConsulted", "none",
        "courseOfAction", "no-action", "courseOfActionRationale", "Explained by a known sports injury",
        "parentsInformed", "yes"));
    complete(cpo, caseId, "user_task_no_action_sign_off", form("signOffDecision", "approve",
        "signOffNote", "Coach confirms the injury"));
    complete(cpo, caseId, "user_task_close_case", Map.of("variables", Map.of(
        "parentsInformed", ConcernReports.string("yes"),
        "outcomeSummary", ConcernReports.string("No action, family supported"),
        "caseReviewWanted", Map.of("value", false, "type", "Boolean"))));

    RestApi.Reply closed = cpo.get("/history/process-instance/" + caseId);
    assertThat(closed.json().path("state").asText()).as(closed.body()).isEqualTo("COMPLETED");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(caseId)
        .activityId("end_event_case_closed").count()).isOne();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(caseId).finished().count())
        .isEqualTo(5);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
        "select count(*) from notification where process_instance_id = ? and kind = 'new-concern'",
        Integer.class, caseId) == 1);
  }

  /** Waits for the case's task (the job executor may still be at work), then submits its form. */
  private void complete(RestApi user, String caseId, String taskKey, Map<String, Object> form) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceId(caseId).taskDefinitionKey(taskKey).count() == 1);
    String taskId = taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(taskKey)
        .singleResult().getId();
    RestApi.Reply done = user.post("/task/" + taskId + "/submit-form", form);
    assertThat(done.status()).as(taskKey + ": " + done.body()).isEqualTo(204);
  }
}
