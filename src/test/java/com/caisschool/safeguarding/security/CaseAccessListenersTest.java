package com.caisschool.safeguarding.security;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.RestApi;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case access hears of every step through built-in listeners that its plugin puts into each model
 * (CaseAccessPlugin, issue 25), no longer through the Spring event bridge: a task created by an
 * engine change that skips custom listeners still gives its holders the case and is walled off
 * from the people the case is about, and a step asks the database once who its case is about.
 */
@ApplicationTest
class CaseAccessListenersTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired DataSource dataSource;

  @Test
  void aTaskCreatedSkippingCustomListenersStillGivesItsHoldersTheCaseAndIsWalledOffFromTheSubject() {
    String id = steps().reportConcern(with(bruises("Lena Skiplisteners-Testchild"),
        "concernAbout", "head-of-school", "subjectName", "Head of School"));
    assertThat(grantsTo("case-study-team", id)).isZero();

    runtimeService.createProcessInstanceModification(id).startBeforeActivity("user_task_case_study_team")
        .execute(true, false);

    Task teamTask = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("user_task_case_study_team")
        .singleResult();
    assertThat(grantsTo("case-study-team", id)).as("the team holds a task of the case").isEqualTo(1);
    assertThat(revokesOf("head", Resources.TASK.resourceType(), teamTask.getId())).as("the Head's wall").isEqualTo(1);
    assertThat(RestApi.as(port, "head", "demo").get("/task?processInstanceId=" + id).json()).isEmpty();
  }

  @Test
  void aStepAsksTheDatabaseOnceWhoItsCaseIsAbout() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = steps().reportConcern(with(bruises("Mira Onceread-Testchild"),
        "concernAbout", "head-of-school", "subjectName", "Head of School"));
    steps().decideAuthoritiesNotNow(cpo, id);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 5000");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    try {
      // Triage creates the team's task (kept from the subject as it is created), then the step's
      // grants and walls are brought in line before it commits: both need who the case is about.
      steps().submitOpenTask(cpo, id, form("initialFacts", "Child repeats the account", "authorityReportDue", "no",
          "triageDecision", "case-study-team", "triageRationale", "Needs the team"));

      Long reads = jdbc.queryForObject("select coalesce(sum(EXECUTION_COUNT), 0) from INFORMATION_SCHEMA.QUERY_STATISTICS"
          + " where lower(SQL_STATEMENT) like '%from case_subject where case_reference = ?%'", Long.class);
      assertThat(reads).isEqualTo(1);
    } finally {
      jdbc.execute("SET QUERY_STATISTICS FALSE");
    }
    assertThat(steps().openTasks(id)).extracting(Task::getTaskDefinitionKey).containsExactly("user_task_case_study_team");
    assertThat(revokesOf("head", Resources.TASK.resourceType(), steps().openTasks(id).get(0).getId())).isEqualTo(1);
  }

  private long grantsTo(String group, String processInstanceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count();
  }

  private long revokesOf(String user, int resourceType, String resourceId) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .userIdIn(user).resourceType(resourceType).resourceId(resourceId).count();
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
