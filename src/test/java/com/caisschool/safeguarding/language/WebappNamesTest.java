package com.caisschool.safeguarding.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every name a person reads in Tasklist's lists exists in every staff language: each process and
 * user task of the models, each Tasklist filter of safeguarding.worklists (name, description, card
 * labels) and each group (safeguarding.roles) has its English name where it is kept and an entry in
 * each language's catalogue (processes/i18n/); and the answers the webapps get carry them.
 */
class WebappNamesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WebappNames NAMES = WebappNames.fromClassPath(roles());

  @Test
  void everyProcessTaskFilterAndGroupHasANameInEveryLanguage() throws IOException {
    Set<String> english = englishNames();
    assertThat(english).contains("Triage the concern", "Urgent", "Deputy Child Protection Officer").hasSizeGreaterThan(100);

    for (StaffLanguage language : StaffLanguage.values()) {
      if (language == StaffLanguage.ENGLISH) {
        continue;
      }
      Map<String, String> catalogue = NAMES.catalogue(language);
      assertThat(english).as("names without a %s entry in %s", language.tag(), WebappNames.catalogueName(language))
          .allMatch(name -> catalogue.get(name) != null && !catalogue.get(name).isBlank());
      assertThat(catalogue.keySet()).as("entries for names no model or configuration has").isSubsetOf(english);
      // A name sent back is turned into its English one: two names never share a translation.
      assertThat(Set.copyOf(catalogue.values())).as("one translation per name").hasSameSizeAs(catalogue.values());
    }
  }

  @Test
  void anAnswerCarriesTheNamesInTheReadersLanguageAndGroupsByTheirRoleName() throws IOException {
    JsonNode answer = JSON.readTree("""
        {"_embedded": {
          "task": [{"id": "t1", "name": "Triage the concern", "taskDefinitionKey": "user_task_cpo_triage",
                    "_embedded": {"identityLink": [
                      {"type": "candidate", "groupId": "dcpo", "userId": null, "_embedded": {"group": null}},
                      {"type": "candidate", "groupId": "cpo", "userId": null, "_embedded": {"group": [{"id": "cpo", "name": "cpo"}]}}]}}],
          "processDefinition": [{"id": "p:1", "key": "safeguarding-concern", "version": 1,
                    "name": "Safeguarding concern: any worry about a child's safety or welfare (start here if unsure)"}]},
         "count": 1}
        """);
    JsonNode english = answer.deepCopy();

    NAMES.translateAnswer(answer, StaffLanguage.CHINESE);
    NAMES.translateAnswer(english, StaffLanguage.ENGLISH);

    assertThat(answer.at("/_embedded/task/0/name").asText()).isEqualTo("对担忧进行初步评估");
    assertThat(answer.at("/_embedded/processDefinition/0/name").asText()).startsWith("儿童保护担忧");
    assertThat(answer.at("/_embedded/task/0/_embedded/identityLink/0/_embedded/group/0/name").asText())
        .isEqualTo("儿童保护副负责人");
    assertThat(answer.at("/_embedded/task/0/_embedded/identityLink/1/_embedded/group/0/name").asText())
        .isEqualTo("儿童保护负责人");
    assertThat(answer.at("/_embedded/task/0/taskDefinitionKey").asText()).isEqualTo("user_task_cpo_triage");
    assertThat(english.at("/_embedded/task/0/name").asText()).isEqualTo("Triage the concern");
    assertThat(english.at("/_embedded/task/0/_embedded/identityLink/0/_embedded/group/0/name").asText())
        .isEqualTo("Deputy Child Protection Officer");
  }

  @Test
  void aFilterIsTranslatedAndWhatIsSentBackIsEnglishAgain() throws IOException {
    JsonNode filter = JSON.readTree("""
        {"id": "f", "resourceType": "Task", "name": "Triage", "query": {},
         "properties": {"description": "Tasks past their deadline.", "variables": [{"name": "childGrade", "label": "Grade"}]}}
        """);
    JsonNode original = filter.deepCopy();

    NAMES.translateAnswer(filter, StaffLanguage.CHINESE);
    assertThat(filter.path("name").asText()).isEqualTo("初步评估");
    assertThat(filter.at("/properties/variables/0/label").asText()).isEqualTo("年级");

    NAMES.untranslateUpdate(filter, StaffLanguage.CHINESE);
    assertThat(filter).isEqualTo(original);
  }

  /** The English names: processes and user tasks of the models, filters, groups. */
  static Set<String> englishNames() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        instance.getModelElementsByType(Process.class).forEach(process -> names.add(process.getName()));
        instance.getModelElementsByType(UserTask.class).forEach(task -> names.add(task.getName()));
      }
    }
    for (Map<String, Object> filter : worklists()) {
      names.add((String) filter.get("name"));
      names.add((String) filter.get("description"));
      labels(filter.getOrDefault("variables", List.of())).forEach(names::add);
    }
    // the card readers' copy of every filter shows these
    labels(worklistSettings().getOrDefault("card-variables", List.of())).forEach(names::add);
    names.addAll(roles().values());
    names.remove(null);
    return names;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> worklists() throws IOException {
    return new ArrayList<>((List<Map<String, Object>>) worklistSettings().get("filters"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> worklistSettings() throws IOException {
    return (Map<String, Object>) safeguarding().get("worklists");
  }

  /** The labels of shown variables, as listed in the configuration. */
  @SuppressWarnings("unchecked")
  private static Stream<String> labels(Object variables) {
    return ((List<Map<String, String>>) variables).stream().map(variable -> variable.get("label"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> roles() {
    try {
      return (Map<String, String>) safeguarding().get("roles");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> safeguarding() throws IOException {
    try (Reader yaml = Files.newBufferedReader(Path.of("src/main/resources/application.yaml"))) {
      return (Map<String, Object>) ((Map<String, Object>) new Yaml().load(yaml)).get("safeguarding");
    }
  }
}
