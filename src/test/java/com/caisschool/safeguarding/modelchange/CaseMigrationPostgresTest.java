package com.caisschool.safeguarding.modelchange;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The move on PostgreSQL, through the migration service the page uses. */
@PostgresApplicationTest
class CaseMigrationPostgresTest extends CaseMovesToANewVersion {

  @LocalServerPort int port;
  @Autowired CaseMigration migration;

  @Override
  String caseAtTheCaseStudyTeam() {
    RestApi.Reply started = PostgresApplication.restAs(port, PostgresUsers.TEACHER).post(
        "/process-definition/key/safeguarding-concern/submit-form",
        Map.of("variables", bruises("Lena Moved-Testchild")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String caseId = started.json().path("id").asText();
    String triage = awaitTask(caseId, "user_task_cpo_triage");
    RestApi.Reply triaged = PostgresApplication.restAs(port, PostgresUsers.CPO).post("/task/" + triage + "/submit-form",
        form("initialFacts", "Marks seen by the nurse", "authorityReportDue", "no",
            "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    assertThat(triaged.status()).as(triaged.body()).isEqualTo(204);
    awaitTask(caseId, "user_task_case_study_team");
    return caseId;
  }

  @Override
  String move(String sourceId, String targetId, String processInstanceId) {
    assertThat(migration.check(sourceId, targetId)).isEmpty();
    migration.migrate(sourceId, targetId, List.of(processInstanceId), PostgresUsers.ADMIN);
    return PostgresUsers.ADMIN;
  }

  private String awaitTask(String caseId, String taskKey) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceId(caseId)
        .taskDefinitionKey(taskKey).count() == 1);
    return taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(taskKey).singleResult().getId();
  }
}
