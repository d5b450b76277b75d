package com.caisschool.safeguarding.language;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tasklist gets from the webapps' API (README "Languages"): a reader whose language is Chinese
 * gets the processes' names to start, the filters and the task's name in Chinese, and everybody the
 * task's groups by their role's name, never the id {@code dcpo}; the REST API and the engine keep
 * the English names, also after a Chinese reader updates the task.
 */
@ApplicationTest
class WebappNameAnswersTest {

  private static final String API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired UserLanguages languages;
  private final WebappNames languageNames = WebappNames.fromClassPath(Map.of());

  @AfterEach
  void cpoBackToNoLanguageSetting() {
    identityService.deleteUserInfo("cpo", UserLanguages.USER_INFO_KEY);
  }

  @Test
  void aChineseTeacherGetsTheProcessesToStartAndTheFiltersInChinese() {
    WebappSession liwei = WebappSession.loggedIn(port, "liwei", "demo");

    JsonNode startable = liwei.get(API + "/process-definition?latest=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true&firstResult=0&maxResults=15").json();
    assertThat(names(startable)).contains("儿童保护担忧：对孩子安全或福祉的任何担心（不确定时从这里开始）")
        .noneMatch(name -> name.startsWith("Safeguarding concern"));
    assertThat(names(liwei.get(API + "/filter?resourceType=Task&itemCount=true").json()))
        .contains("我的任务").doesNotContain("My tasks");

    WebappSession teacher = WebappSession.loggedIn(port, "teacher", "demo");
    assertThat(names(teacher.get(API + "/process-definition?latest=true&active=true&startableInTasklist=true").json()))
        .contains("Safeguarding concern: any worry about a child's safety or welfare (start here if unsure)");
  }

  /**
   * Tasklist's start dialog searches the processes by a part of their name (list and count): a
   * Chinese reader finds the concern by a part of its Chinese name, or of its English one; an
   * English reader searches the English names, as the engine does.
   */
  @Test
  void aReaderSearchesTheProcessesToStartInTheirLanguage() {
    WebappSession liwei = WebappSession.loggedIn(port, "liwei", "demo");
    WebappSession teacher = WebappSession.loggedIn(port, "teacher", "demo");

    assertThat(startable(liwei, "担忧")).isNotEmpty().allMatch(name -> name.contains("担忧"))
        .anyMatch(name -> name.startsWith("儿童保护担忧"));
    assertThat(startable(liwei, "担忧")).hasSize(startableCount(liwei, "担忧"));
    assertThat(startable(liwei, "concern")).anyMatch(name -> name.startsWith("儿童保护担忧"));
    assertThat(startable(liwei, "不存在的名字")).isEmpty();
    assertThat(startableCount(liwei, "不存在的名字")).isZero();

    assertThat(startable(teacher, "担忧")).isEmpty();
    assertThat(startable(teacher, "concern")).anyMatch(name -> name.startsWith("Safeguarding concern"));
    assertThat(startable(teacher, "concern")).hasSize(startableCount(teacher, "concern"));
  }

  private static final String STARTABLE = "?latest=true&active=true&startableInTasklist=true"
      + "&startablePermissionCheck=true&firstResult=0&maxResults=15&nameLike=";

  private static List<String> startable(WebappSession reader, String typed) {
    WebappSession.Reply answer = reader.get(API + "/process-definition" + STARTABLE + like(typed));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return names(answer.json());
  }

  private static int startableCount(WebappSession reader, String typed) {
    WebappSession.Reply answer = reader.get(API + "/process-definition/count" + STARTABLE + like(typed));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("count").asInt();
  }

  private static String like(String typed) {
    return java.net.URLEncoder.encode("%" + typed + "%", java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void theTaskReadsInTheReadersLanguageWithItsGroupsByName() {
    String instance = new CaseSteps(port, taskService).reportConcern(bruises("Nia Names-Testchild"));
    DueJobs.run(managementService, instance);
    Task triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("user_task_cpo_triage")
        .singleResult();
    taskService.addCandidateGroup(triage.getId(), "dcpo");
    try {
      WebappSession english = WebappSession.loggedIn(port, "cpo", "demo");
      JsonNode inEnglish = english.getHal(API + "/task/" + triage.getId()).json();
      assertThat(inEnglish.path("name").asText()).isEqualTo("Triage the concern");
      assertThat(groupNames(inEnglish)).contains("Child Protection Officer", "Deputy Child Protection Officer")
          .doesNotContain("cpo", "dcpo");

      languages.choose("cpo", StaffLanguage.CHINESE);
      WebappSession chinese = WebappSession.loggedIn(port, "cpo", "demo");
      JsonNode inChinese = chinese.getHal(API + "/task/" + triage.getId()).json();
      assertThat(inChinese.path("name").asText()).isEqualTo("对担忧进行初步评估");
      assertThat(inChinese.at("/_embedded/processDefinition/0/name").asText()).startsWith("儿童保护担忧");
      assertThat(groupNames(inChinese)).contains("儿童保护负责人", "儿童保护副负责人");
      JsonNode listed = chinese.post(API + "/task?firstResult=0&maxResults=50", Map.of("processInstanceId", instance)).json();
      assertThat(names(listed)).contains("对担忧进行初步评估");

      // Tasklist sends the task's fields back when a due date is set: the engine keeps the English name.
      JsonNode shown = chinese.get(API + "/task/" + triage.getId()).json();
      ObjectNode update = JsonNodeFactory.instance.objectNode();
      List.of("name", "description", "assignee", "owner", "delegationState", "due", "followUp", "parentTaskId",
          "caseInstanceId", "tenantId").forEach(field -> update.set(field, shown.get(field)));
      update.put("priority", 77);
      assertThat(update.path("name").asText()).isEqualTo("对担忧进行初步评估");
      WebappSession.Reply updated = chinese.put(API + "/task/" + triage.getId(), update);
      assertThat(updated.status()).as(updated.body()).isEqualTo(204);
      assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult())
          .satisfies(task -> assertThat(task.getName()).isEqualTo("Triage the concern"))
          .satisfies(task -> assertThat(task.getPriority()).isEqualTo(77));
      // The REST API is not the webapps': English, whatever the user's language.
      assertThat(RestApi.as(port, "cpo", "demo").get("/task/" + triage.getId()).json().path("name").asText())
          .isEqualTo("Triage the concern");
    } finally {
      runtimeService.deleteProcessInstance(instance, "test done");
    }
  }

  /**
   * The CPO's card of a case lists its categories and danger flag in the CPO's language: Chinese in
   * Tasklist once the CPO chooses it, English in the REST API (and for the deputy, who chose none).
   */
  @Test
  void theCardValuesReadInTheReadersLanguage() {
    Map<String, Object> report = new java.util.HashMap<>(bruises("Ana Card-Testchild"));
    report.put("categories", ConcernReports.json("[\"neglect\", \"bullying\"]"));
    report.put("immediateDanger", Map.of("value", true, "type", "Boolean"));
    String instance = new CaseSteps(port, taskService).reportConcern(report);
    try {
      languages.choose("cpo", StaffLanguage.CHINESE);
      Map<String, String> chinese = card(WebappSession.loggedIn(port, "cpo", "demo"), instance);
      assertThat(chinese).containsEntry("cardCategories", "忽视、欺凌").containsEntry("cardDanger", "孩子现在处于紧急危险中")
          .containsEntry("childGrade", "Grade 3");

      Map<String, String> english = card(WebappSession.loggedIn(port, "deputy", "demo"), instance);
      assertThat(english).containsEntry("cardCategories", "Neglect, Bullying")
          .containsEntry("cardDanger", "The child is in immediate danger right now");
      RestApi cpoOverRest = RestApi.as(port, "cpo", "demo");
      String triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("user_task_cpo_triage")
          .singleResult().getId();
      RestApi.Reply listed = cpoOverRest.postHal("/filter/" + triageFilter(cpoOverRest.get("/filter?resourceType=Task").json())
          + "/list?firstResult=0&maxResults=1000", Map.of());
      assertThat(listed.body()).contains(triage).contains("Neglect, Bullying").doesNotContain("忽视");
    } finally {
      runtimeService.deleteProcessInstance(instance, "test done");
    }
  }

  /** The card variables of the case's triage task in the reader's "Triage" filter, as Tasklist lists it. */
  private Map<String, String> card(WebappSession reader, String instance) {
    String triage = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("user_task_cpo_triage")
        .singleResult().getId();
    JsonNode filters = reader.get(API + "/filter?resourceType=Task").json();
    WebappSession.Reply list = reader.postHal(API + "/filter/" + triageFilter(filters) + "/list?firstResult=0&maxResults=1000",
        Map.of());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    Map<String, String> shown = new java.util.HashMap<>();
    for (JsonNode task : list.json().path("_embedded").path("task")) {
      if (task.path("id").asText().equals(triage)) {
        task.path("_embedded").path("variable").forEach(variable -> shown.put(variable.path("name").asText(),
            variable.path("value").asText()));
      }
    }
    return shown;
  }

  /** The reader's copy of the "Triage" filter, whatever language its name is shown in. */
  private String triageFilter(JsonNode filters) {
    for (JsonNode filter : filters) {
      if (List.of("Triage", languageNames.name("Triage", StaffLanguage.CHINESE)).contains(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("No Triage filter in " + filters);
  }

  private static List<String> names(JsonNode answer) {
    JsonNode items = answer.isArray() ? answer : answer.path("_embedded").path("task");
    return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("name").asText()).toList();
  }

  private static List<String> groupNames(JsonNode task) {
    return StreamSupport.stream(task.at("/_embedded/identityLink").spliterator(), false)
        .filter(link -> "candidate".equals(link.path("type").asText()) && link.path("groupId").isTextual())
        .map(link -> link.at("/_embedded/group/0/name").asText()).toList();
  }
}
