package com.caisschool.safeguarding.worklists;

import static com.caisschool.safeguarding.testing.ConcernReports.SUBMIT;
import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.json;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.RestApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's filters as each role meets them: through the REST API as that user, each lists exactly
 * its role's filters (safeguarding.worklists and the FILTER grants), a filter lists the tasks it
 * promises, and running the set-up again adds no second copy.
 */
@ApplicationTest
class WorklistTest {

  static final List<String> CPO_FILTERS = List.of("Urgent", "Overdue", "Triage", "Case Study Team",
      "Monitoring reviews due", "My tasks");

  @LocalServerPort int port;
  @Autowired WorklistSetup worklistSetup;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;

  @ParameterizedTest(name = "{0} sees {1}")
  @CsvSource(delimiter = ';', value = {
      "teacher; My tasks",
      "cpo; Urgent, Overdue, Triage, Case Study Team, Monitoring reviews due, My tasks",
      "deputy; Urgent, Overdue, Triage, Case Study Team, Monitoring reviews due, My tasks",
      "counselor; Urgent, Case Study Team, Counseling, My tasks",
      "principal; Case Study Team, My tasks",
      "head; My tasks",
      "chair; My tasks",
      "smt; My tasks"})
  void eachRoleListsExactlyItsFilters(String user, String expected) {
    // Another test's wrong password may hold the account for a few seconds (log-in throttling).
    RestApi.Reply filters = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
        .until(() -> RestApi.as(port, user, "demo").get("/filter?resourceType=Task"), reply -> reply.status() != 401);
    assertThat(filters.status()).as(filters.body()).isEqualTo(200);
    assertThat(names(filters.json())).as(user)
        .containsExactlyInAnyOrderElementsOf(List.of(expected.split(",\\s*")));
  }

  @Test
  void filtersAreOrderedAndDescribedForTasklist() {
    JsonNode filters = RestApi.as(port, "cpo", "demo").get("/filter?resourceType=Task&sortBy=name&sortOrder=asc").json();
    List<String> byOrder = StreamSupport.stream(filters.spliterator(), false)
        .sorted((a, b) -> Integer.compare(a.path("properties").path("priority").asInt(),
            b.path("properties").path("priority").asInt()))
        .map(filter -> filter.path("name").asText()).toList();
    assertThat(byOrder).containsExactlyElementsOf(CPO_FILTERS);
    filters.forEach(filter -> assertThat(filter.path("properties").path("description").asText())
        .as(filter.path("name").asText()).isNotBlank());
  }

  @Test
  void triageUrgentAndOverdueListTheirTasks() {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String ordinary = start(teacher, bruises("Wen Worklist-Testchild"));
    Map<String, Object> dangerReport = new java.util.HashMap<>(bruises("Xia Urgent-Testchild"));
    dangerReport.put("immediateDanger", Map.of("value", true, "type", "Boolean"));
    String danger = start(teacher, dangerReport);

    String triageTask = taskIn(ordinary, "user_task_cpo_triage");
    String immediateTask = taskIn(danger, "user_task_immediate_action");

    assertThat(listed(cpo, "Triage")).contains(triageTask).doesNotContain(immediateTask);
    assertThat(listed(cpo, "Urgent")).contains(immediateTask).doesNotContain(triageTask);
    assertThat(listed(cpo, "Overdue")).doesNotContain(triageTask);

    // The ordinary triage passes its deadline: set the due date into the past, as the clock would.
    String yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    JsonNode task = cpo.get("/task/" + triageTask).json();
    RestApi.Reply updated = cpo.put("/task/" + triageTask, Map.of("name", task.path("name").asText(),
        "due", yesterday, "priority", task.path("priority").asInt()));
    assertThat(updated.status()).as(updated.body()).isEqualTo(204);
    assertThat(listed(cpo, "Overdue")).contains(triageTask);

    // A teacher who reported the concern does not see it through any filter.
    assertThat(listed(teacher, "My tasks")).doesNotContain(triageTask, immediateTask);
    // The CPO's "My tasks" holds what is offered to the CPO group.
    assertThat(listed(cpo, "My tasks")).contains(triageTask);
  }

  @Test
  void theCaseStudyTeamFindsATriagedCaseUnderItsFilterAndOthersCannotOpenIt() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    RestApi principal = RestApi.as(port, "principal", "demo");
    String concern = start(RestApi.as(port, "teacher", "demo"), bruises("Yan Team-Testchild"));
    String triageTask = taskIn(concern, "user_task_cpo_triage");
    RestApi.Reply triaged = cpo.post("/task/" + triageTask + "/submit-form", form("initialFacts", "Teacher confirms",
        "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    assertThat(triaged.status()).as(triaged.body()).isEqualTo(204);
    String teamTask = taskIn(concern, "user_task_case_study_team");

    assertThat(listed(principal, "Case Study Team")).contains(teamTask);
    assertThat(listed(principal, "My tasks")).contains(teamTask);
    assertThat(listed(cpo, "Case Study Team")).contains(teamTask);
    assertThat(listed(cpo, "Triage")).doesNotContain(triageTask);
    // A filter that is not the user's cannot even be opened.
    String teamFilter = filterService.createFilterQuery().filterName("Case Study Team").singleResult().getId();
    assertThat(RestApi.as(port, "teacher", "demo").get("/filter/" + teamFilter + "/list").status()).isEqualTo(403);
  }

  /**
   * Issue 23: two "Triage the concern" cards differ for the CPO and the deputy by the categories,
   * the danger flag and the grade (labels, never a name or initials); every filter anyone else reads
   * shows the case reference only.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"cpo", "deputy"})
  void theCposCardsShowCategoriesDangerAndGradeButNoName(String user) {
    JsonNode filters = RestApi.as(port, user, "demo").get("/filter?resourceType=Task").json();
    for (JsonNode filter : filters) {
      if (List.of("Triage", "Overdue", "Monitoring reviews due").contains(filter.path("name").asText())) {
        assertThat(shownVariables(filter)).as(filter.path("name").asText())
            .containsExactly("caseReference", "cardCategories", "cardDanger", "childGrade");
      }
      assertThat(shownVariables(filter)).doesNotContain("childName", "studentId", "subjectName");
    }
    Map<String, Object> report = new java.util.HashMap<>(bruises("Zoe Card-Testchild"));
    report.put("categories", json("[\"neglect\", \"bullying\"]"));
    String concern = start(RestApi.as(port, "teacher", "demo"), report);
    assertThat(taskService.getVariable(taskIn(concern, "user_task_cpo_triage"), "cardCategories"))
        .isEqualTo("Neglect, Bullying");
    assertThat(taskService.getVariable(taskIn(concern, "user_task_cpo_triage"), "cardDanger")).isEqualTo("No");
    assertThat(taskService.getVariable(taskIn(concern, "user_task_cpo_triage"), "childGrade")).isEqualTo("Grade 3");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"teacher", "counselor", "principal", "head", "chair", "smt", "hr"})
  void everyoneElseSeesTheCaseReferenceOnly(String user) {
    JsonNode filters = RestApi.as(port, user, "demo").get("/filter?resourceType=Task").json();
    assertThat(filters.size()).isPositive();
    filters.forEach(filter -> assertThat(shownVariables(filter)).as(filter.path("name").asText())
        .containsExactly("caseReference"));
  }

  private static List<String> shownVariables(JsonNode filter) {
    List<String> names = new ArrayList<>();
    filter.path("properties").path("variables").forEach(variable -> names.add(variable.path("name").asText()));
    return names;
  }

  @Test
  void runningTheSetUpAgainKeepsOneCopyOfEachFilter() {
    List<String> before = filterIds();
    worklistSetup.afterPropertiesSet();
    worklistSetup.afterPropertiesSet();
    assertThat(filterIds()).containsExactlyInAnyOrderElementsOf(before);
    for (String name : CPO_FILTERS) {
      assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
  }

  private List<String> filterIds() {
    return filterService.createFilterQuery().list().stream().map(Filter::getId).toList();
  }

  private String start(RestApi reporter, Map<String, Object> report) {
    RestApi.Reply started = reporter.post(SUBMIT, Map.of("variables", report));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  private String taskIn(String processInstanceId, String taskDefinitionKey) {
    var task = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as(taskDefinitionKey).isNotNull();
    return task.getId();
  }

  private List<String> listed(RestApi user, String filterName) {
    String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    RestApi.Reply tasks = user.get("/filter/" + id + "/list?maxResults=500");
    assertThat(tasks.status()).as(filterName + ": " + tasks.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    tasks.json().forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  private static List<String> names(JsonNode filters) {
    List<String> names = new ArrayList<>();
    filters.forEach(filter -> names.add(filter.path("name").asText()));
    return names;
  }
}
