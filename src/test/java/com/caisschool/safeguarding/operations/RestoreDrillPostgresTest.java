package com.caisschool.safeguarding.operations;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.casefile.ChronologyEntry;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.EmbeddedPostgresServer;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The restore drill of README "Backup and restore": cases in several states are dumped with
 * pg_dump (custom format, as the scheduled backup makes it), restored with pg_restore into a fresh
 * database, and an application node started on it finds every case, task, timer and chronology
 * entry as they were, and reads the encrypted facts with the same keys. Needs PostgreSQL's client
 * tools (Debian: postgresql-client) on the PATH.
 */
@PostgresApplicationTest
class RestoreDrillPostgresTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired Chronology chronology;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBackupRestoresIntoAWorkingSystemWithEveryCaseTaskTimerAndEntry() throws Exception {
    RestApi teacher = PostgresApplication.restAs(port, PostgresUsers.TEACHER);
    RestApi cpo = PostgresApplication.restAs(port, PostgresUsers.CPO);
    CaseSteps steps = new CaseSteps(port, taskService);
    String waiting = start(teacher, "Rhea Restore-Testchild");
    String triaged = start(teacher, "Sami Restore-Testchild");
    steps.submitOpenTask(cpo, triaged, form("initialFacts", "Seen by the nurse", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Restore drill: needs the team"));
    String cancelled = start(teacher, "Tove Restore-Testchild");
    List<String> cases = List.of(waiting, triaged, cancelled);
    // The job executor runs the alerts due now (before the cancellation, which would otherwise race an
    // alert job of that case); the deadlines' timers stay in the future.
    await().atMost(Duration.ofSeconds(60)).until(() -> cases.stream().allMatch(id ->
        managementService.createJobQuery().processInstanceId(id).executable().count() == 0));
    runtimeService.deleteProcessInstance(cancelled, "Restore drill: reported twice");
    Map<String, Object> before = stateOf(cases, runtimeService, taskService, managementService, historyService,
        chronology);

    String restored = "restored_" + System.nanoTime();
    Path dump = Files.createTempFile(Path.of("target"), "restore-drill-", ".dump");
    EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
    run("pg_dump", "-h", "localhost", "-p", "" + server.port(), "-U", server.user(), "-d", "postgres", "-Fc",
        "-f", dump.toString());
    assertThat(stateOf(cases, runtimeService, taskService, managementService, historyService, chronology))
        .as("nothing moved while the dump was taken").isEqualTo(before);
    jdbc.execute("create database " + restored);
    try {
      run("pg_restore", "-h", "localhost", "-p", "" + server.port(), "-U", server.user(), "-d", restored,
          "--no-owner", dump.toString());
      try (PostgresNode node = PostgresNode.start("pgRestored", Map.of(
          "spring.datasource.url", server.jdbcUrl(restored),
          // Frozen as restored: no timer fires while the drill compares.
          "camunda.bpm.job-execution.enabled", "false"))) {
        ProcessEngine engine = node.engine();
        assertThat(stateOf(cases, engine.getRuntimeService(), engine.getTaskService(), engine.getManagementService(),
            engine.getHistoryService(), node.bean(Chronology.class))).isEqualTo(before);
        assertThat((List<?>) before.get(waiting + " tasks")).as("the waiting case has open tasks").isNotEmpty();
        RestApi.Reply tasks = node.restAs(PostgresUsers.CPO).get("/task?processInstanceId=" + waiting);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json().size()).as("the CPO's open tasks of the waiting case, through the REST API")
            .isEqualTo(((List<?>) before.get(waiting + " tasks")).size());
      }
    } finally {
      Files.deleteIfExists(dump);
      jdbc.execute("drop database if exists " + restored + " with (force)");
    }
  }

  private static String start(RestApi teacher, String child) {
    RestApi.Reply started = teacher.post(ConcernReports.SUBMIT, Map.of("variables", bruises(child)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  /** What the drill compares: per case its state, tasks, timers, variables and chronology. */
  private static Map<String, Object> stateOf(List<String> cases, RuntimeService runtime, TaskService tasks,
      ManagementService management, HistoryService history, Chronology chronology) {
    Map<String, Object> state = new LinkedHashMap<>();
    for (String id : cases) {
      var process = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      state.put(id + " state", process.getState());
      state.put(id + " tasks", tasks.createTaskQuery().processInstanceId(id).orderByTaskId().asc().list().stream()
          .map(task -> task.getId() + " " + task.getTaskDefinitionKey() + " " + task.getDueDate()).toList());
      state.put(id + " timers", management.createJobQuery().processInstanceId(id).timers().orderByJobId().asc().list()
          .stream().map(job -> job.getId() + " " + job.getDuedate()).toList());
      Map<String, String> variables = new java.util.TreeMap<>();
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.getVariables(id).forEach((name, value) -> variables.put(name, String.valueOf(value)));
      }
      state.put(id + " variables", variables);
      state.put(id + " chronology", chronology.ofCase(process.getBusinessKey()).stream()
          .map(ChronologyEntry::toString).toList());
    }
    return state;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
    assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
  }

}
