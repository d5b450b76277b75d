package com.caisschool.safeguarding.forms;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * Decides whether a field is hidden, as Tasklist decides it: its {@code conditional.hide} FEEL
 * expression evaluated with the engine's FEEL engine against the values the form shows (the case's
 * variables with the submitted answers over them). Only a result of {@code true} hides the field;
 * an expression that cannot be evaluated (a fact not known yet) leaves it shown, so its rules apply.
 */
final class HideConditions {

  private final FeelEngine feel;

  HideConditions(FeelEngine feel) {
    this.feel = feel;
  }

  /** Whether this field is hidden with these values (one question; see {@link #forValues} for a whole form). */
  boolean hidden(FormField field, Map<String, Object> values) {
    return forValues(values).hidden(field);
  }

  /**
   * The answers for one submission, whose values do not change while its fields are checked: the
   * values are handed to FEEL once, and a condition that several fields share (a section shown
   * only for "yes") is evaluated once, not once per field (issue 25). The same expression against
   * the same values gives the same answer.
   */
  Answers forValues(Map<String, Object> values) {
    return new Answers(Variables.fromMap(values).asVariableContext());
  }

  final class Answers {

    private final VariableContext values;
    private final Map<String, Boolean> byExpression = new HashMap<>();

    private Answers(VariableContext values) {
      this.values = values;
    }

    boolean hidden(FormField field) {
      if (field.hide() == null) {
        return false;
      }
      String expression = field.hide().startsWith("=") ? field.hide().substring(1) : field.hide();
      return byExpression.computeIfAbsent(expression, this::evaluatesToTrue);
    }

    private boolean evaluatesToTrue(String expression) {
      try {
        Object result = feel.evaluateSimpleExpression(expression, values);
        return Boolean.TRUE.equals(result);
      } catch (RuntimeException notEvaluable) {
        return false;
      }
    }
  }
}
