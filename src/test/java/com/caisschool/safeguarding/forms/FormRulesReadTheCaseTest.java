package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A completion reads from the case only the variables its form's rules need (issue 25: not every
 * fact of the case, each decrypted). These are the rules that read the case: a field hidden or
 * shown by a fact of the case that the form does not ask for, options held in a case variable,
 * and a read-only field that keeps the value the case holds. Each must still be enforced, on a
 * case that holds many other facts besides.
 */
class FormRulesReadTheCaseTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG).build();

  private static final String FORM = """
      {"id": "case-facts-rules", "type": "default", "schemaVersion": 16, "components": [
        {"type": "textfield", "key": "note", "label": "Note", "validate": {"required": true}},
        {"type": "checkbox", "key": "askedOnline", "label": "Asked online", "validate": {"required": true},
         "conditional": {"hide": "=cyber != true"}},
        {"type": "select", "key": "choice", "label": "Choice", "valuesKey": "choiceOptions"},
        {"type": "textfield", "key": "reference", "label": "Reference", "readonly": true}
      ]}""";

  private ProcessEngine engine;
  private String deploymentId;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    this.engine = engine;
    deploymentId = engine.getRepositoryService().createDeployment()
        .addModelInstance("case-facts.bpmn", Bpmn.createExecutableProcess("case-facts").camundaHistoryTimeToLive(1)
            .startEvent().userTask("user_task_answer").camundaFormRef("case-facts-rules")
            .camundaFormRefBinding("deployment").endEvent().done())
        .addString("forms/case-facts-rules.form", FORM).deploy().getId();
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  @Test
  void theRulesNameEveryVariableTheyReadFromTheCase() {
    assertThat(FormContract.variablesRead(readFields())).contains("cyber", "choiceOptions", "reference")
        .doesNotContain("note", "askedOnline", "choice", "otherFact0");
  }

  @Test
  void aFieldShownByACaseFactIsRequiredAndHiddenByItMayNotBeAnswered() {
    String shown = taskOfCase(true);
    assertThatThrownBy(() -> complete(shown, Map.of("note", "n", "reference", "R-1")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(askedOnline)");
    assertThatCode(() -> complete(shown, Map.of("note", "n", "askedOnline", true))).doesNotThrowAnyException();

    String hidden = taskOfCase(false);
    assertThatThrownBy(() -> complete(hidden, Map.of("note", "n", "askedOnline", true)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(askedOnline)")
        .hasMessageContaining("hides it");
    assertThatCode(() -> complete(hidden, Map.of("note", "n"))).doesNotThrowAnyException();
  }

  @Test
  void aChoiceMustBeOneOfTheOptionsTheCaseHolds() {
    String task = taskOfCase(false);
    assertThatThrownBy(() -> complete(task, Map.of("note", "n", "choice", "elsewhere")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(choice)");
    assertThatCode(() -> complete(task, Map.of("note", "n", "choice", "school"))).doesNotThrowAnyException();
  }

  @Test
  void aReadOnlyFieldKeepsTheValueTheCaseHolds() {
    String task = taskOfCase(false);
    assertThatThrownBy(() -> complete(task, Map.of("note", "n", "reference", "R-2")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("(reference)")
        .hasMessageContaining("read-only");
    assertThatCode(() -> complete(task, Map.of("note", "n", "reference", "R-1"))).doesNotThrowAnyException();
  }

  /** A case holding the facts the rules read, and many others, waiting at its task. */
  private String taskOfCase(boolean cyber) {
    Map<String, Object> facts = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      facts.put("otherFact" + i, "fact " + i);
    }
    facts.put("cyber", cyber);
    facts.put("reference", "R-1");
    facts.put("choiceOptions", SpinValues.jsonValue(
        "[{\"label\": \"At school\", \"value\": \"school\"}, {\"label\": \"At home\", \"value\": \"home\"}]").create());
    String pi = engine.getRuntimeService().startProcessInstanceByKey("case-facts", facts).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private void complete(String taskId, Map<String, Object> answers) {
    engine.getFormService().submitTaskForm(taskId, answers);
  }

  private List<FormField> readFields() {
    try (InputStream in = new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8))) {
      return FormDefinitions.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
