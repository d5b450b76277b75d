package com.caisschool.safeguarding.forms;

import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;

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

  boolean hidden(FormField field, Map<String, Object> values) {
    if (field.hide() == null) {
      return false;
    }
    String expression = field.hide().startsWith("=") ? field.hide().substring(1) : field.hide();
    try {
      Object result = feel.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException notEvaluable) {
      return false;
    }
  }
}
