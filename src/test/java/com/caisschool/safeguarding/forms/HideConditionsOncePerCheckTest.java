package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * A hide condition that several fields of a form share (a section shown only for one answer) is
 * evaluated once per submission, not once per field (issue 25), with the same answers: the shared
 * fields are hidden or shown together, and their rules apply as before.
 */
class HideConditionsOncePerCheckTest {

  private final List<String> evaluated = new ArrayList<>();

  /** Camunda's FEEL engine, recording each expression it is asked to evaluate. */
  private final FeelEngine feel = new FeelEngine() {
    private final FeelEngine engine = new ScalaFeelEngineFactory().createInstance();

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      evaluated.add(expression);
      return engine.evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      return engine.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
  };

  private final List<FormField> form = List.of(field("correctReport", "checkbox", false, null),
      field("correctedCategories", "textfield", true, "=correctReport != true"),
      field("correctedDanger", "textfield", false, "=correctReport != true"),
      field("correctionReason", "textfield", true, "=correctReport != true"),
      field("disclosure", "textfield", false, "=notes = null"));

  @Test
  void aSharedConditionIsEvaluatedOncePerSubmission() {
    FormContract contract = new FormContract(feel, ZoneId.of("Asia/Shanghai"));

    contract.check("triage", form, Map.of("correctReport", true, "correctedCategories", "physical",
        "correctionReason", "Misread"), Map.of(), true);

    assertThat(evaluated).containsExactly("correctReport != true", "notes = null");
  }

  @Test
  void theFieldsSharingItAreHiddenOrShownTogether() {
    FormContract contract = new FormContract(feel, ZoneId.of("Asia/Shanghai"));

    // Not correcting: the section is hidden, so none of its fields is required or may be answered.
    assertThat(contract.check("triage", form, Map.of("correctReport", false), Map.of(), true)).isEmpty();
    assertThatThrownBy(() -> contract.check("triage", form, Map.of("correctReport", false, "correctionReason", "x"),
        Map.of(), true)).isInstanceOf(BadUserRequestException.class).hasMessageContaining("correctionReason");
    // Correcting: each of its required fields must be answered.
    assertThatThrownBy(() -> contract.check("triage", form, Map.of("correctReport", true, "correctedCategories", "physical"),
        Map.of(), true)).isInstanceOf(BadUserRequestException.class).hasMessageContaining("correctionReason");
  }

  private static FormField field(String key, String type, boolean required, String hide) {
    return new FormField(key, key, type, required, hide, List.of(), null,
        new FormField.Limits(null, null, null, null, null), null, false, Map.of());
  }
}
