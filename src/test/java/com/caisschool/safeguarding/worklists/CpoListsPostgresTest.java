package com.caisschool.safeguarding.worklists;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPO's lists on PostgreSQL (issue 25): someone who reads every task and whom no revoke
 * names is given lists and counts without a permission check per task (security/LeanAuthorizationManager),
 * so the plan reads no grant at all; a teacher's list is still checked task by task; and for a
 * deputy a case is about, the walls hold in every list, filter and count, their queries checking
 * revokes task by task.
 */
@PostgresApplicationTest
class CpoListsPostgresTest {

  private static final String TASK_LIST = "TaskEntity.selectTaskByQueryCriteria";
  private static final String TASK_COUNT = "TaskEntity.selectTaskCountByQueryCriteria";
  /** How the engine's SQL asks for a revoke (authorization type 2) of the person asking. */
  private static final String REVOKE_CHECK = "A.TYPE_ = 2";
  private static final String AUTHORIZATIONS = "act_ru_authorization";
  private static final String SUBJECT = "pg.lists.subject-deputy";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCposListAndCountsReadNoGrantPerOpenTaskWhileATeachersListIsStillChecked() {
    RestApi teacher = PostgresApplication.restAs(port, PostgresUsers.TEACHER);
    RestApi cpo = PostgresApplication.restAs(port, PostgresUsers.CPO);
    for (int i = 0; i < 12; i++) {
      assertThat(teacher.post(ConcernReports.SUBMIT, Map.of("variables", bruises("Lists " + i + "-Testchild"))).status())
          .isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery().taskCandidateGroup("cpo").count() >= 12);
    jdbc.execute("analyze");

    List<EngineStatements.Statement> list = EngineStatements.selectsDuring(() ->
        assertThat(cpo.get("/task?candidateGroup=cpo&maxResults=50").json().size()).isGreaterThanOrEqualTo(12));
    EngineStatements.Statement taskList = only(list, TASK_LIST);
    assertThat(taskList.sql()).as("no permission check per task").doesNotContainIgnoringCase(AUTHORIZATIONS);
    assertThat(EngineStatements.plan(jdbc, taskList, false)).as("the plan reads no grant")
        .noneMatch(line -> line.toLowerCase().contains(AUTHORIZATIONS));

    List<EngineStatements.Statement> counts = EngineStatements.selectsDuring(() ->
        assertThat(cpo.get("/filter?resourceType=Task&itemCount=true").status()).isEqualTo(200));
    assertThat(counts).filteredOn(statement -> statement.mapperStatement().equals(TASK_COUNT)).hasSizeGreaterThan(1)
        .allSatisfy(count -> assertThat(count.sql()).doesNotContainIgnoringCase(AUTHORIZATIONS));

    // A teacher reads only what their grants give: their list is checked task by task as before.
    List<EngineStatements.Statement> teachers = EngineStatements.selectsDuring(() ->
        assertThat(teacher.get("/task?maxResults=50").status()).isEqualTo(200));
    assertThat(only(teachers, TASK_LIST).sql()).containsIgnoringCase(AUTHORIZATIONS);
  }

  /** The extra deputy leaves with the test: the PostgreSQL tests after it alert the usual CPO and deputy only. */
  @AfterEach
  void deputyRemoved() {
    identityService.deleteUser(SUBJECT);
  }

  @Test
  void aCaseAboutADeputyStaysOutOfTheirListFiltersAndCounts() {
    ensureDeputy(SUBJECT);
    RestApi teacher = PostgresApplication.restAs(port, PostgresUsers.TEACHER);
    RestApi.Reply ordinary = teacher.post(ConcernReports.SUBMIT, Map.of("variables", bruises("Lists Open-Testchild")));
    assertThat(ordinary.status()).as(ordinary.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> !caseTasks(ordinary.json().path("id").asText()).isEmpty());
    List<String> ordinaryTasks = caseTasks(ordinary.json().path("id").asText());
    RestApi.Reply reported = teacher.post(ConcernReports.SUBMIT, Map.of("variables", with(bruises("Lists Wall-Testchild"),
        "concernAbout", "staff-or-volunteer", "subjectName", "Quinn Lists, deputy", "subjectUserId", SUBJECT)));
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    String concern = reported.json().path("id").asText();
    await().atMost(Duration.ofSeconds(60)).until(() -> !caseTasks(concern).isEmpty());
    List<String> caseTasks = caseTasks(concern);

    RestApi subject = RestApi.onEngine(port, PostgresApplication.ENGINE, SUBJECT, PostgresNode.PASSWORD);
    RestApi cpo = PostgresApplication.restAs(port, PostgresUsers.CPO);
    String reference = jdbc.queryForObject("select business_key_ from act_ru_execution where id_ = ?", String.class, concern);
    assertThat(ids(cpo.get("/task?processInstanceBusinessKey=" + reference).json())).as("the CPO has the case")
        .containsExactlyInAnyOrderElementsOf(caseTasks);

    SoftAssertions softly = new SoftAssertions();
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> {
      JsonNode list = subject.get("/task?maxResults=1000").json();
      softly.assertThat(ids(list)).as("every task the deputy reads").containsAll(ordinaryTasks)
          .doesNotContainAnyElementsOf(caseTasks);
      softly.assertThat(subject.get("/task/count").json().path("count").asInt()).as("task count").isEqualTo(list.size());
    });
    softly.assertThat(only(asked, TASK_LIST).sql()).as("the subject's revokes are asked").contains(REVOKE_CHECK);
    JsonNode filters = subject.get("/filter?resourceType=Task&itemCount=true").json();
    softly.assertThat(filters).as("the deputy's filters").isNotEmpty();
    for (JsonNode filter : filters) {
      JsonNode list = subject.get("/filter/" + filter.path("id").asText() + "/list?maxResults=1000").json();
      String name = filter.path("name").asText();
      softly.assertThat(ids(list)).as(name).doesNotContainAnyElementsOf(caseTasks);
      softly.assertThat(filter.path("itemCount").asInt()).as(name + " count").isEqualTo(list.size());
    }
    softly.assertAll();
  }

  private List<String> caseTasks(String concern) {
    String reference = jdbc.queryForObject("select business_key_ from act_ru_execution where id_ = ?", String.class, concern);
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).list().stream().map(Task::getId).toList();
  }

  private void ensureDeputy(String userId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("Quinn");
      user.setLastName("Lists");
      user.setEmail(userId + "@school.invalid");
      user.setPassword(PostgresNode.PASSWORD);
      identityService.saveUser(user);
      List.of("dcpo", "staff", "case-study-team").forEach(group -> identityService.createMembership(userId, group));
    }
  }

  private static EngineStatements.Statement only(List<EngineStatements.Statement> statements, String mapperStatement) {
    List<EngineStatements.Statement> found = statements.stream()
        .filter(statement -> statement.mapperStatement().equals(mapperStatement)).toList();
    assertThat(found).as(mapperStatement).hasSize(1);
    return found.get(0);
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }
}
