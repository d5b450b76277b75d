package com.caisschool.safeguarding.worklists;

import static com.caisschool.safeguarding.testing.ConcernReports.SUBMIT;
import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.json;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

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
    for (Filter teamFilter : filterService.createFilterQuery().filterName("Case Study Team").list()) {
      assertThat(RestApi.as(port, "teacher", "demo").get("/filter/" + teamFilter.getId() + "/list").status()).isEqualTo(403);
    }
  }

  /**
   * Issue 23: two "Triage the concern" cards differ for the CPO and the deputy by the categories,
   * the danger flag and the grade (labels, never a name or initials), on every filter they read,
   * shared ones too; every other role's filters and Tasklist's lists (HAL, with the variables shown
   * on cards) carry the case reference only, even where the role may read the case (counselors,
   * self-harm).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"cpo", "deputy"})
  void theCposCardsShowCategoriesDangerAndGradeButNoName(String user) {
    RestApi reader = RestApi.as(port, user, "demo");
    JsonNode filters = reader.get("/filter?resourceType=Task").json();
    assertThat(names(filters)).containsExactlyInAnyOrderElementsOf(CPO_FILTERS);
    for (JsonNode filter : filters) {
      assertThat(shownVariables(filter)).as(filter.path("name").asText())
          .containsExactly("caseReference", "cardCategories", "cardDanger", "childGrade");
    }
    Map<String, Object> report = new java.util.HashMap<>(bruises("Zoe Card-Testchild"));
    report.put("categories", json("[\"neglect\", \"bullying\"]"));
    String concern = start(RestApi.as(port, "teacher", "demo"), report);
    String triageTask = taskIn(concern, "user_task_cpo_triage");
    // Assigned to the reader, it is in their "My tasks" (a filter every role reads) and in "Triage" (theirs only).
    taskService.setAssignee(triageTask, user);
    for (String filter : List.of("My tasks", "Triage")) {
      JsonNode card = card(reader, filter, triageTask);
      assertThat(card.path("cardCategories").asText()).as(filter).isEqualTo("Neglect, Bullying");
      assertThat(card.path("cardDanger").asText()).as(filter).isEqualTo("No");
      assertThat(card.path("childGrade").asText()).as(filter).isEqualTo("Grade 3");
      assertThat(card.toString()).doesNotContain("Zoe Card-Testchild");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"teacher", "counselor", "principal", "head", "chair", "smt", "hr"})
  void everyoneElseSeesTheCaseReferenceOnly(String user) {
    Map<String, Object> selfHarm = new java.util.HashMap<>(bruises("Uma Card-Testchild"));
    selfHarm.put("categories", json("[\"self-harm\"]"));
    start(RestApi.as(port, "teacher", "demo"), selfHarm);
    RestApi reader = RestApi.as(port, user, "demo");
    JsonNode filters = reader.get("/filter?resourceType=Task").json();
    assertThat(filters.size()).isPositive();
    for (JsonNode filter : filters) {
      String name = filter.path("name").asText();
      assertThat(shownVariables(filter)).as(name).containsExactly("caseReference");
      RestApi.Reply list = reader.postHal("/filter/" + filter.path("id").asText() + "/list?firstResult=0&maxResults=500",
          Map.of());
      assertThat(list.status()).as(name + ": " + list.body()).isEqualTo(200);
      assertThat(list.body()).as(name).doesNotContain("cardCategories").doesNotContain("cardDanger")
          .doesNotContain("childGrade").doesNotContain("Card-Testchild");
    }
  }

  /**
   * A counselor may read a self-harm case, and its card in their "Urgent" still shows the reference
   * only, where the CPO's card of the same task shows what tells cases apart.
   */
  @Test
  void aCounselorsUrgentCardOfASelfHarmCaseShowsTheReferenceOnly() {
    Map<String, Object> selfHarm = new java.util.HashMap<>(bruises("Ivo Card-Testchild"));
    selfHarm.put("categories", json("[\"self-harm\"]"));
    String concern = start(RestApi.as(port, "teacher", "demo"), selfHarm);
    DueJobs.run(managementService, concern);
    String reference = referenceOf(concern);
    var assessment = await().atMost(Duration.ofSeconds(20)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey("user_task_risk_assessment").singleResult(),
        task -> task != null);
    RestApi counselor = RestApi.as(port, "counselor", "demo");

    // The counselor reads the case's variables (the reference shows), yet none of the card's others.
    JsonNode counselorsCard = card(counselor, "Urgent", assessment.getId());
    assertThat(counselorsCard.path("caseReference").asText()).isEqualTo(reference);
    assertThat(fieldNames(counselorsCard)).containsExactly("caseReference");
    assertThat(fieldNames(card(RestApi.as(port, "cpo", "demo"), "Urgent", assessment.getId())))
        .contains("caseReference").hasSizeGreaterThan(1);
  }

  private static List<String> fieldNames(JsonNode card) {
    List<String> names = new ArrayList<>();
    card.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Issue 23: the CPO corrects the categories at triage; the cards of the case follow the recorded correction. */
  @Test
  void theCardsFollowTheCategoriesCorrectedAtTriage() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String concern = start(RestApi.as(port, "teacher", "demo"), bruises("Nia Corrected-Testchild"));
    String triageTask = taskIn(concern, "user_task_cpo_triage");
    assertThat(card(cpo, "Triage", triageTask).path("cardCategories").asText()).isEqualTo("Physical abuse");

    Map<String, Object> triage = with(Map.of(), "initialFacts", "The parent called back",
        "authorityReportDue", "no", "correctionReason", "The bruises were from a fall; the child is left alone at home",
        "correctedConcernAbout", "family-member",
        "triageDecision", "case-study-team", "triageRationale", "Neglect at home needs the team");
    triage.put("correctReport", Map.of("value", true, "type", "Boolean"));
    triage.put("correctedCategories", json("[\"neglect\"]"));
    triage.put("correctedImmediateDanger", Map.of("value", false, "type", "Boolean"));
    RestApi.Reply triaged = cpo.post("/task/" + triageTask + "/submit-form", Map.of("variables", triage));
    assertThat(triaged.status()).as(triaged.body()).isEqualTo(204);

    String teamTask = taskIn(concern, "user_task_case_study_team");
    JsonNode card = card(cpo, "Case Study Team", teamTask);
    assertThat(card.path("cardCategories").asText()).isEqualTo("Neglect");
    assertThat(card.path("cardDanger").asText()).isEqualTo("No");
  }

  /** The variables Tasklist shows on one task's card in a filter, as the reader's list (HAL) gives them. */
  private JsonNode card(RestApi reader, String filterName, String taskId) {
    RestApi.Reply list = reader.postHal("/filter/" + filterId(reader, filterName) + "/list?firstResult=0&maxResults=1000", Map.of());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    for (JsonNode task : list.json().path("_embedded").path("task")) {
      if (task.path("id").asText().equals(taskId)) {
        com.fasterxml.jackson.databind.node.ObjectNode shown = new ObjectMapper().createObjectNode();
        task.path("_embedded").path("variable").forEach(variable -> shown.set(variable.path("name").asText(),
            variable.path("value")));
        return shown;
      }
    }
    throw new AssertionError(filterName + " does not list task " + taskId);
  }

  /** The id of the filter of that name the reader reads (their copy). */
  private static String filterId(RestApi reader, String filterName) {
    for (JsonNode filter : reader.get("/filter?resourceType=Task").json()) {
      if (filter.path("name").asText().equals(filterName)) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError(filterName + " is not among the reader's filters");
  }

  private String referenceOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey();
  }

  private static List<String> shownVariables(JsonNode filter) {
    List<String> names = new ArrayList<>();
    filter.path("properties").path("variables").forEach(variable -> names.add(variable.path("name").asText()));
    return names;
  }

  @Test
  void runningTheSetUpAgainKeepsOneCopyOfEachFilter() {
    List<String> before = filterIds();
    worklistSetup.setUp();
    worklistSetup.setUp();
    assertThat(filterIds()).containsExactlyInAnyOrderElementsOf(before);
    // One copy for the card readers (CPO, deputy), one for everyone else.
    for (String name : CPO_FILTERS) {
      assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(2);
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
    String id = filterId(user, filterName);
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
