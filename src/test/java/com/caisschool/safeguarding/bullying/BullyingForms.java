package com.caisschool.safeguarding.bullying;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** Reads the anti-bullying procedure's forms (forms/bullying-*.form) for the form rules the tests check. */
final class BullyingForms {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("forms");
  private static final Pattern COMPARED_VARIABLE = Pattern.compile("(\\w+)\\s*(?:==|!=)\\s*'");

  private BullyingForms() {}

  static List<String> ids() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith("bullying-") && name.endsWith(".form"))
          .map(name -> name.substring(0, name.length() - ".form".length())).sorted().toList();
    }
  }

  static String text(String formId) throws IOException {
    return Files.readString(FORMS.resolve(formId + ".form"));
  }

  /** The input fields of a form by key. */
  static Map<String, Object> fields(String formId) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    JSON.readTree(text(formId)).path("components").forEach(component -> {
      if (component.hasNonNull("key")) {
        fields.put(component.path("key").asText(), component);
      }
    });
    return fields;
  }

  static Set<String> requiredKeys(String formId) throws IOException {
    Set<String> required = new TreeSet<>();
    fields(formId).forEach((key, component) -> {
      if (((JsonNode) component).path("validate").path("required").asBoolean(false)) {
        required.add(key);
      }
    });
    return required;
  }

  private static String type(String formId, String key) throws IOException {
    Object component = fields(formId).get(key);
    return component == null ? null : ((JsonNode) component).path("type").asText();
  }

  /**
   * Every user task and the form start event name a form that exists and has the id it is
   * referenced by; every radio that a gateway reads has a required {@code <key>Reason} text next to it.
   */
  static void assertModelFormsAndDecisionReasons(String processKey) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", processKey + ".bpmn").toFile());
    List<String> formIds = ids();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(formIds);
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(JSON.readTree(text(task.getCamundaFormRef())).path("id").asText()).isEqualTo(task.getCamundaFormRef());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getEventDefinitions().isEmpty() && !(start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess)) {
        assertThat(start.getCamundaFormRef()).as(start.getId()).isIn(formIds);
      }
    }
    int decisions = 0;
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      for (SequenceFlow flow : gateway.getOutgoing()) {
        ConditionExpression condition = flow.getConditionExpression();
        if (condition == null) {
          continue;
        }
        Matcher matcher = COMPARED_VARIABLE.matcher(condition.getTextContent());
        while (matcher.find()) {
          String variable = matcher.group(1);
          String form = formWithRadio(formIds, variable);
          assertThat(form).as("the form that decides " + variable + " (" + flow.getId() + ")").isNotNull();
          assertThat(requiredKeys(form)).as(form + " requires a reason for " + variable).contains(variable, variable + "Reason");
          decisions++;
        }
      }
    }
    assertThat(decisions).isGreaterThan(0);
    assertThat(requiredKeys("bullying-interventions")).contains("interventionsReason");
    assertThat(formIds).allSatisfy(id -> assertThat(unused(model, id)).as("form " + id + " is used").isFalse());
  }

  private static boolean unused(BpmnModelInstance model, String formId) {
    return model.getModelElementsByType(FlowNode.class).stream()
        .noneMatch(node -> formId.equals(node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef")));
  }

  private static String formWithRadio(List<String> formIds, String key) throws IOException {
    for (String form : formIds) {
      if ("radio".equals(type(form, key))) {
        return form;
      }
    }
    return null;
  }
}
