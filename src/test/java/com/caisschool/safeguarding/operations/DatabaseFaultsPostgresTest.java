package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.EmbeddedPostgresServer;
import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.TestSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Faults on a real PostgreSQL server under a running node: the database stops while a report is
 * submitted, the database restarts under the node, the mail server is down while an alert is due.
 */
@PostgresApplicationTest
class DatabaseFaultsPostgresTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  final EmbeddedPostgresServer database = EmbeddedPostgresServer.shared();
  final TestSmtpServer smtp = TestSmtpServer.shared();
  RestApi teacher;
  RestApi cpo;

  @BeforeEach
  void setUp() {
    teacher = PostgresApplication.restAs(port, PostgresUsers.TEACHER);
    cpo = PostgresApplication.restAs(port, PostgresUsers.CPO);
  }

  @AfterEach
  void restore() {
    database.start();
    smtp.start();
    EngineClock.reset();
  }

  @Test
  void reportSubmittedWhileTheDatabaseIsDownGetsAClearErrorAndLeavesNothingBehind() {
    String child = "Noor Haddad-Testchild";
    long casesBefore = historicCases();
    database.stop();

    RestApi.Reply refused = teacher.post(ConcernReports.SUBMIT,
        Map.of("variables", ConcernReports.bruises(child)));

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.json().path("message").asText()).contains("nothing was saved").contains("try again");
    assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain(child);

    database.start();
    await().atMost(PATIENCE).ignoreExceptions().until(() -> historicCases() >= 0);
    assertThat(historicCases()).isEqualTo(casesBefore);
    // Names are stored encrypted (atrest): each child name in the history is read, not searched.
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("childName").list())
        .as("no variable of the refused report").noneMatch(variable -> child.equals(variable.getValue()));

    // The same node serves the retried report without a restart.
    retryAsTheUserWould(child);
    assertThat(historicCases()).isEqualTo(casesBefore + 1);
  }

  @Test
  void databaseRestartedUnderARunningNodeLosesNoCaseAndTheJobExecutorResumes() {
    String caseId = report("Idris Kovac-Testchild");
    await().atMost(PATIENCE).until(() -> triageTasks(caseId, "user_task_cpo_triage") == 1);

    database.stop();
    // The triage deadline passes while the database is down.
    EngineClock.passTime(Duration.ofHours(25));
    assertThat(teacher.get("/task").status()).isEqualTo(503);
    database.start();

    // The job executor of the same node fires the timer once the database is back.
    // (Ignoring errors: the first use of a connection the restart cut fails once, then it is replaced.)
    await().atMost(PATIENCE).ignoreExceptions().until(() -> triageTasks(caseId, "user_task_dcpo_triage") == 1);
    await().atMost(PATIENCE).ignoreExceptions().until(() -> notifications(caseId, "triage-overdue") == 1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
    assertThat(runtimeService.getVariable(caseId, "childName")).isEqualTo("Idris Kovac-Testchild");
    retryAsTheUserWould("Ines Vidal-Testchild");
  }

  /**
   * Reports again until the node answers 200, as the 503 message asks the user to. A request that
   * meets a connection the restart cut fails as a whole (503, rolled back) and the next succeeds.
   */
  private void retryAsTheUserWould(String child) {
    await().atMost(PATIENCE).until(() -> {
      RestApi.Reply reply = teacher.post(ConcernReports.SUBMIT, Map.of("variables", ConcernReports.bruises(child)));
      assertThat(reply.status()).as(reply.body()).isIn(200, 503);
      return reply.status() == 200;
    });
  }

  @Test
  void failingAlertIsRetriedThenAnIncidentInTheApiThenSentOnceWhenRetriedAfterTheFix() {
    smtp.stop();
    String caseId = report("Yara Lindgren-Testchild");
    String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(caseId)
        .singleResult().getBusinessKey();

    // Five attempts a minute apart (R5/PT1M in the model): the engine clock moves a minute each time.
    for (int retriesLeft = 4; retriesLeft >= 0; retriesLeft--) {
      int expected = retriesLeft;
      await().atMost(PATIENCE).until(() -> alertJob(caseId).getRetries() == expected);
      if (expected > 0) {
        EngineClock.passTime(Duration.ofSeconds(61));
      }
    }
    assertThat(alertJob(caseId).getExceptionMessage()).isNotBlank();

    RestApi.Reply incidents = cpo.get("/incident?processInstanceId=" + caseId);
    assertThat(incidents.status()).isEqualTo(200);
    assertThat(incidents.json()).hasSize(1);
    assertThat(incidents.json().get(0).path("incidentType").asText()).isEqualTo("failedJob");
    assertThat(incidents.json().get(0).path("activityId").asText()).isEqualTo("service_task_alert_new_concern");
    // The report is intact and the CPO can triage meanwhile.
    assertThat(triageTasks(caseId, "user_task_cpo_triage")).isOne();
    assertThat(notifications(caseId, "new-concern")).isZero();

    smtp.start();
    String jobId = alertJob(caseId).getId();
    assertThat(cpo.put("/job/" + jobId + "/retries", Map.of("retries", 1)).status()).isEqualTo(204);
    // As an administrator retries it in Cockpit: now (the last attempt left a due date a minute on).
    EngineClock.passTime(Duration.ofSeconds(61));

    await().atMost(PATIENCE).until(() -> notifications(caseId, "new-concern") == 1);
    assertThat(Arrays.stream(smtp.received()).filter(m -> subject(m).contains(businessKey)).count())
        .as("one email to each of the CPO and the deputy").isEqualTo(2);
    assertThat(cpo.get("/incident?processInstanceId=" + caseId).json()).isEmpty();
  }

  private String report(String child) {
    RestApi.Reply started = teacher.post(ConcernReports.SUBMIT, Map.of("variables", ConcernReports.bruises(child)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  private Job alertJob(String caseId) {
    return managementService.createJobQuery().processInstanceId(caseId)
        .activityId("service_task_alert_new_concern").singleResult();
  }

  private long historicCases() {
    return jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
  }

  private long triageTasks(String caseId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(taskKey).count();
  }

  private int notifications(String caseId, String kind) {
    return jdbc.queryForObject("select count(*) from notification where process_instance_id = ? and kind = ?",
        Integer.class, caseId, kind);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
