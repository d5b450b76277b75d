package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every process key, decision key, task id and form id that configuration names
 * (src/main/resources/application*.yaml) exists in processes/ or forms/: a model renamed in Camunda
 * Modeler, or an id misspelt in application.yaml, fails here instead of leaving a Tasklist filter
 * empty, a grant pointing at nothing or a report to the authorities unrecorded as one.
 *
 * <p>An id is recognised by where it stands: the keys of {@code process-defaults}, the
 * {@code resource-ids} of a PROCESS_DEFINITION or DECISION_DEFINITION grant, and any setting whose
 * name says what it holds ({@code process-definition-keys}, {@code task-definition-keys},
 * {@code …-form(s)}, {@code …decision-key(s)}), so a new setting so named is checked too.
 */
class ConfiguredModelIdsTest {

  enum Kind { PROCESS, DECISION, USER_TASK, FORM }

  /** An id named in configuration: what it should be, and where it stands. */
  record Reference(Kind kind, String id, String where) {}

  @Test
  void everyIdNamedInConfigurationExistsInTheModelsOrForms() throws IOException {
    List<Reference> references = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file)) {
          for (Object document : new Yaml().loadAll(reader)) {
            references.addAll(referencesIn(document, file.getFileName().toString()));
          }
        }
      }
    }
    // The walk finds the kinds of id the configuration names today (no decision key yet): it cannot
    // pass by finding nothing.
    assertThat(references).extracting(Reference::kind).contains(Kind.PROCESS, Kind.USER_TASK, Kind.FORM);
    assertThat(unknown(references, modelIds())).as("ids named in configuration but not in processes/ or forms/")
        .isEmpty();
  }

  @Test
  void aMisspeltIdOfEachKindIsFound() {
    String misspelt = """
        safeguarding:
          case-file:
            authority-contact-forms: [authority-report, authority-reprot]
          access:
            grants:
              - groups: [cpo]
                resource: PROCESS_DEFINITION
                resource-ids: [safeguarding-concern, safeguarding-concren]
              - groups: [cpo]
                resource: DECISION_DEFINITION
                resource-ids: [concern-priority, concern-priorty]
          worklists:
            filters:
              - name: Triage
                query:
                  process-definition-keys: [safeguarding-concern]
                  task-definition-keys: [user_task_cpo_triage, user_task_cpo_triag]
          process-defaults:
            self-harm-respone:
              taskDeadline: P2D
        """;
    List<Reference> references = referencesIn(new Yaml().load(misspelt), "misspelt.yaml");

    assertThat(unknown(references, modelIds())).extracting(Reference::kind, Reference::id).containsExactlyInAnyOrder(
        tuple(Kind.FORM, "authority-reprot"),
        tuple(Kind.PROCESS, "safeguarding-concren"),
        tuple(Kind.DECISION, "concern-priorty"),
        tuple(Kind.USER_TASK, "user_task_cpo_triag"),
        tuple(Kind.PROCESS, "self-harm-respone"));
  }

  // --- what configuration names --------------------------------------------------------------

  static List<Reference> referencesIn(Object document, String source) {
    List<Reference> references = new ArrayList<>();
    walk(document, source, references);
    return references;
  }

  private static void walk(Object node, String path, List<Reference> references) {
    if (node instanceof Map<?, ?> map) {
      if (path.endsWith(".process-defaults")) {
        map.keySet().forEach(key -> references.add(new Reference(Kind.PROCESS, key.toString(), path)));
      }
      Kind granted = grantedKind(map.get("resource"));
      if (granted != null && map.get("resource-ids") instanceof List<?> ids) {
        ids.forEach(id -> references.add(new Reference(granted, id.toString(), path + ".resource-ids")));
      }
      map.forEach((key, value) -> {
        String where = path + "." + key;
        Kind named = namedKind(key.toString());
        if (named != null) {
          values(value).forEach(id -> references.add(new Reference(named, id, where)));
        } else {
          walk(value, where, references);
        }
      });
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", references);
      }
    }
  }

  /** The kind of id a setting holds, by its name (null: not an id of the models). */
  private static Kind namedKind(String key) {
    if (key.matches("process-definition-keys?|process-keys?")) {
      return Kind.PROCESS;
    }
    if (key.matches("(.*-)?decision-(definition-)?keys?")) {
      return Kind.DECISION;
    }
    if (key.matches("task-definition-keys?|(.*-)?task-ids?")) {
      return Kind.USER_TASK;
    }
    if (key.matches("(.*-)?forms?(-ids?)?")) {
      return Kind.FORM;
    }
    return null;
  }

  private static Kind grantedKind(Object resource) {
    if ("PROCESS_DEFINITION".equals(resource)) {
      return Kind.PROCESS;
    }
    return "DECISION_DEFINITION".equals(resource) ? Kind.DECISION : null;
  }

  private static List<String> values(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return value == null ? List.of() : List.of(value.toString());
  }

  // --- what the models hold ------------------------------------------------------------------

  static Map<Kind, Set<String>> modelIds() {
    Map<Kind, Set<String>> ids = new EnumMap<>(Kind.class);
    Arrays.stream(Kind.values()).forEach(kind -> ids.put(kind, new HashSet<>()));
    for (File file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      model.getModelElementsByType(Process.class).forEach(process -> ids.get(Kind.PROCESS).add(process.getId()));
      model.getModelElementsByType(UserTask.class).forEach(task -> ids.get(Kind.USER_TASK).add(task.getId()));
    }
    for (File file : files("processes", ".dmn")) {
      Dmn.readModelFromFile(file).getModelElementsByType(Decision.class)
          .forEach(decision -> ids.get(Kind.DECISION).add(decision.getId()));
    }
    ObjectMapper json = new ObjectMapper();
    for (File file : files("forms", ".form")) {
      try {
        ids.get(Kind.FORM).add(json.readTree(file).path("id").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  private static List<File> files(String directory, String extension) {
    return Arrays.stream(new File(directory).listFiles((dir, name) -> name.endsWith(extension))).sorted().toList();
  }

  static List<Reference> unknown(List<Reference> references, Map<Kind, Set<String>> modelIds) {
    return references.stream().filter(reference -> !modelIds.get(reference.kind()).contains(reference.id())).toList();
  }
}
