package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.JobExecutors;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database, as Camunda 7 runs distributed: each serves
 * requests and any logged-in user, their job executors share the timers so each escalation fires
 * exactly once, and a node that dies leaves its due timers to the other.
 */
@PostgresApplicationTest
class TwoNodesPostgresTest {

  private static final String TRIAGE_TIMER = "boundary_timer_triage_deadline";
  private static PostgresNode nodeB;

  @LocalServerPort int port;
  @Autowired ProcessEngine mainEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void startSecondNode() {
    if (nodeB == null) {
      nodeB = PostgresNode.start("pgNodeB");
    }
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @AfterAll
  static void stopSecondNode() {
    if (nodeB != null) {
      nodeB.close();
      nodeB = null;
    }
  }

  @Test
  void bothNodesServeRequestsAndShareTheLoggedInSession() {
    RestApi teacherOnB = nodeB.restAs(PostgresUsers.TEACHER);
    RestApi cpoOnMain = PostgresApplication.restAs(port, PostgresUsers.CPO);

    RestApi.Reply reported = teacherOnB.post(ConcernReports.SUBMIT,
        Map.of("variables", ConcernReports.bruises("Omar Petrov-Testchild")));
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    String caseId = reported.json().path("id").asText();
    // The bruises are suspected abuse: triage and the first-hour authority decision open together.
    String triage = "/task?taskDefinitionKey=user_task_cpo_triage&processInstanceId=" + caseId;
    await().atMost(Duration.ofSeconds(30)).until(() -> cpoOnMain.get(triage).json().size() == 1);
    assertThat(nodeB.restAs(PostgresUsers.CPO).get(triage).json()).hasSize(1);

    // Logged in on the main node; the next request of the same browser lands on node B.
    WebappSession onMain = WebappSession.loggedIn(port, PostgresUsers.CPO, PostgresNode.PASSWORD);
    WebappSession onB = onMain.onPort(nodeB.port());
    String tasklistApi = "/camunda/api/engine/engine/" + nodeB.engineName() + triage;
    WebappSession.Reply tasks = onB.get(tasklistApi);
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    assertThat(tasks.json()).hasSize(1);
    assertThat(WebappSession.anonymous(nodeB.port()).get(tasklistApi).status()).isEqualTo(401);
  }

  @Test
  void twoHundredDueTriageDeadlinesOnTwoNodesEscalateEachCaseExactlyOnce() {
    List<String> cases = startConcurrently(100, runtimeService, nodeB.bean(RuntimeService.class));
    assertThat(cases).hasSize(200).doesNotHaveDuplicates();

    EngineClock.passTime(Duration.ofHours(25));

    await().atMost(Duration.ofMinutes(3)).until(() -> perCase(
        "select count(*) from notification where kind = 'triage-overdue' and process_instance_id in (:ids)",
        cases) == 200);
    assertThat(perCase("select count(*) from act_ru_task where task_def_key_ = 'user_task_dcpo_triage'"
        + " and proc_inst_id_ in (:ids)", cases)).isEqualTo(200);
    // Exactly once per case: no case has a second firing, a second deputy task or a second alert.
    assertThat(casesWithMoreThanOne("select proc_inst_id_ from act_hi_actinst where act_id_ = '" + TRIAGE_TIMER
        + "' and proc_inst_id_ in (:ids) group by proc_inst_id_ having count(*) > 1", cases)).isEmpty();
    assertThat(casesWithMoreThanOne("select proc_inst_id_ from act_ru_task where task_def_key_ ="
        + " 'user_task_dcpo_triage' and proc_inst_id_ in (:ids) group by proc_inst_id_ having count(*) > 1",
        cases)).isEmpty();
    assertThat(casesWithMoreThanOne("select process_instance_id from notification where kind = 'triage-overdue'"
        + " and process_instance_id in (:ids) group by process_instance_id having count(*) > 1", cases)).isEmpty();
    assertThat(perCase("select count(*) from act_hi_actinst where act_id_ = '" + TRIAGE_TIMER
        + "' and proc_inst_id_ in (:ids)", cases)).isEqualTo(200);
    // Both job executors took part.
    assertThat(timerFiredBy(cases)).containsOnlyKeys(PostgresApplication.ENGINE, nodeB.engineName());
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }

  @Test
  void nodeThatDiesWithTimersDueLeavesThemToTheOtherNode() {
    // A slow node (one job at a time), so it is still at work when it dies.
    PostgresNode dying = PostgresNode.start("pgNodeC", Map.of(
        "camunda.bpm.job-execution.core-pool-size", "1", "camunda.bpm.job-execution.max-pool-size", "1",
        "camunda.bpm.job-execution.queue-capacity", "1", "camunda.bpm.job-execution.max-jobs-per-acquisition", "1"));
    JobExecutors.pause(mainEngine);
    JobExecutors.pause(nodeB.engine());
    List<String> cases;
    try {
      cases = startConcurrently(20, dying.bean(RuntimeService.class));
      EngineClock.passTime(Duration.ofHours(25));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
          .until(() -> timerFiredBy(cases).containsKey(dying.engineName()));
    } finally {
      dying.close();
      JobExecutors.resume(mainEngine);
      JobExecutors.resume(nodeB.engine());
    }
    // Camunda's webapps of the nodes left in this JVM still answer (PostgresNode.close keeps them).
    WebappSession cpo = WebappSession.loggedIn(port, PostgresUsers.CPO, PostgresNode.PASSWORD);
    WebappSession.Reply tasks = cpo.get("/camunda/api/engine/engine/" + PostgresApplication.ENGINE + "/task/count");
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    // Jobs the dead node had locked come free when their lock expires (lock time 5 minutes).
    EngineClock.passTime(Duration.ofMinutes(6));

    await().atMost(Duration.ofMinutes(2)).until(() -> perCase(
        "select count(*) from act_ru_task where task_def_key_ = 'user_task_dcpo_triage' and proc_inst_id_ in (:ids)",
        cases) == 20);
    assertThat(perCase("select count(*) from act_hi_actinst where act_id_ = '" + TRIAGE_TIMER
        + "' and proc_inst_id_ in (:ids)", cases)).isEqualTo(20);
    Map<String, Integer> firedBy = timerFiredBy(cases);
    assertThat(firedBy.keySet()).as("the living nodes fired what the dead one left")
        .containsAnyOf(PostgresApplication.ENGINE, nodeB.engineName());
    assertThat(firedBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
  }

  /** Starts {@code perNode} staff reports on each of the given nodes at the same time. */
  private static List<String> startConcurrently(int perNode, RuntimeService... nodes) {
    List<CompletableFuture<List<String>>> started = new ArrayList<>();
    for (RuntimeService node : nodes) {
      started.add(CompletableFuture.supplyAsync(() -> IntStream.range(0, perNode)
          .mapToObj(i -> node.startProcessInstanceByKey("safeguarding-concern", report(i)).getId())
          .toList()));
    }
    return started.stream().flatMap(future -> future.join().stream()).toList();
  }

  private static Map<String, Object> report(int number) {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", "Child " + number + "-Testchild");
    report.put("childGrade", "Grade 5");
    report.put("categories", "physical-abuse");
    report.put("immediateDanger", false);
    report.put("concernAbout", "family-member");
    report.put("concernAroseAt", new Date(System.currentTimeMillis() - 3_600_000));
    report.put("location", "Library");
    report.put("observations", "Bruise on the cheek");
    report.put("disclosure", "Nothing said");
    return report;
  }

  private int perCase(String sql, List<String> cases) {
    return new NamedParameterJdbcTemplate(jdbc).queryForObject(sql, new MapSqlParameterSource("ids", cases),
        Integer.class);
  }

  private List<String> casesWithMoreThanOne(String sql, List<String> cases) {
    return new NamedParameterJdbcTemplate(jdbc).queryForList(sql, new MapSqlParameterSource("ids", cases),
        String.class);
  }

  /** Which node (host name in the job log) fired how many of the cases' triage timers. */
  private Map<String, Integer> timerFiredBy(List<String> cases) {
    Map<String, Integer> firedBy = new HashMap<>();
    new NamedParameterJdbcTemplate(jdbc).query("select hostname_, count(*) as fired from act_hi_job_log"
            + " where act_id_ = '" + TRIAGE_TIMER + "' and job_state_ = 2 and process_instance_id_ in (:ids)"
            + " group by hostname_", new MapSqlParameterSource("ids", cases),
        row -> {
          firedBy.put(row.getString("hostname_"), row.getInt("fired"));
        });
    return firedBy;
  }
}
