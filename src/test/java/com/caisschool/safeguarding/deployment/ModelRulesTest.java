package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The rules every model in processes/ must keep, checked on the real files, so that a model edited
 * in Camunda Modeler cannot quietly drop them: history time-to-live, a diagram, a form and a
 * candidate group for every user task (from the roles of flows.md), and a start event for every
 * message another model sends.
 */
class ModelRulesTest {

  private static final Set<String> ROLES = Set.of("staff", "cpo", "dcpo", "counselors", "case-study-team",
      "head-of-school", "board-chair", "smt", "trip-leaders", "hr", "camunda-admin");

  static Stream<File> models() {
    return Arrays.stream(new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyProcessKeepsItsHistoryAndHasADiagram(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      assertThat(process.getName()).as(process.getId()).isNotBlank();
    }
    assertThat(model.getModelElementsByType(BpmnShape.class)).as(file.getName()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyUserTaskHasAFormAndACandidateGroupFromTheRoles(File file) throws IOException {
    Set<String> formIds = formIds();
    for (UserTask task : Bpmn.readModelFromFile(file).getModelElementsByType(UserTask.class)) {
      assertThat(task.getName()).as(task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(formIds);
      String groups = task.getCamundaCandidateGroups();
      assertThat(groups).as(task.getId() + " candidate groups").isNotBlank();
      if (!groups.contains("${")) {
        assertThat(Arrays.stream(groups.split(",")).map(String::trim)).as(task.getId()).allMatch(ROLES::contains);
      }
    }
  }

  @Test
  void everyMessageAModelSendsStartsAnotherModel() {
    Set<String> sent = new HashSet<>();
    Set<String> started = new HashSet<>();
    models().map(Bpmn::readModelFromFile).forEach(model -> {
      for (ThrowEvent event : model.getModelElementsByType(ThrowEvent.class)) {
        messages(event.getEventDefinitions().stream().toList()).forEach(sent::add);
      }
      for (StartEvent event : model.getModelElementsByType(StartEvent.class)) {
        messages(event.getEventDefinitions().stream().toList()).forEach(started::add);
      }
    });
    assertThat(sent).isNotEmpty();
    assertThat(started).containsAll(sent);
  }

  /**
   * The named messages of these event definitions. An alert (a message event without a message,
   * whose implementation tells people) is not a message to another model.
   */
  private static Stream<String> messages(List<?> definitions) {
    return definitions.stream().filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
        .filter(d -> d.getMessage() != null).map(d -> d.getMessage().getName());
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (File form : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      ids.add(json.readTree(form).path("id").asText());
    }
    return ids;
  }
}
