package com.caisschool.safeguarding.worklists;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's filters with counts on PostgreSQL, with the indexes of
 * {@code db/engine/V4__candidates_by_task.sql} (issue 25):
 * every count equals the length of the filter's own list for each person who reads it: the CPO (a
 * task assigned to them among those offered to their groups), the deputy, a teacher, a counselor, and
 * a lead a case is about (walled off from it by a revoke). The indexes change how PostgreSQL finds the tasks, never which.
 */
@PostgresApplicationTest
class FilterCountsPostgresTest {

  private static final String COUNSELOR = "pg.counts.counselor";
  private static final String LEAD = "pg.counts.head";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  /** The extra people leave with the test: the PostgreSQL tests after it know only the usual ones. */
  @AfterEach
  void peopleRemoved() {
    List.of(COUNSELOR, LEAD).forEach(identityService::deleteUser);
  }

  @Test
  void eachCountEqualsItsListForEveryone() {
    PostgresUsers.ensure(identityService, COUNSELOR, List.of("counselors", "staff"));
    PostgresUsers.ensure(identityService, LEAD, List.of("head-of-school", "staff"));
    RestApi teacher = PostgresApplication.restAs(port, PostgresUsers.TEACHER);
    String ordinary = report(teacher, bruises("Counts Open-Testchild"));
    String aboutTheLead = report(teacher, with(bruises("Counts Wall-Testchild"),
        "concernAbout", "staff-or-volunteer", "subjectName", "Harper Counts, head", "subjectUserId", LEAD));
    // One task assigned to the CPO: My tasks counts it through the assignee, the rest through the groups.
    taskService.claim(caseTasks(ordinary).get(0).getId(), PostgresUsers.CPO);

    SoftAssertions softly = new SoftAssertions();
    for (String person : List.of(PostgresUsers.CPO, PostgresUsers.DEPUTY, PostgresUsers.TEACHER, COUNSELOR, LEAD)) {
      RestApi api = RestApi.onEngine(port, PostgresApplication.ENGINE, person, PostgresNode.PASSWORD);
      for (JsonNode filter : api.get("/filter?resourceType=Task&itemCount=true").json()) {
        JsonNode list = api.get("/filter/" + filter.path("id").asText() + "/list?maxResults=1000").json();
        softly.assertThat(filter.path("itemCount").asInt()).as(person + ": " + filter.path("name").asText())
            .isEqualTo(list.size());
      }
    }
    RestApi lead = RestApi.onEngine(port, PostgresApplication.ENGINE, LEAD, PostgresNode.PASSWORD);
    softly.assertThat(lead.get("/task?maxResults=1000").json().findValuesAsText("id"))
        .as("the case about the lead stays hidden from them")
        .doesNotContainAnyElementsOf(caseTasks(aboutTheLead).stream().map(Task::getId).toList());
    softly.assertAll();
  }

  private String report(RestApi teacher, Map<String, Object> variables) {
    RestApi.Reply reported = teacher.post(ConcernReports.SUBMIT, Map.of("variables", variables));
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    String concern = reported.json().path("id").asText();
    await().atMost(Duration.ofSeconds(60)).until(() -> !caseTasks(concern).isEmpty());
    return concern;
  }

  private List<Task> caseTasks(String concern) {
    return taskService.createTaskQuery().processInstanceId(concern).list();
  }
}
