package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.forms.FormField;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What a Tasklist card of the case shows the CPO and the deputy besides the case reference
 * (issue 23): the categories as the report form labels them and the danger flag, as variables the
 * CPO's filters list ({@code safeguarding.worklists}); the grade is the report's own
 * {@code childGrade}. Never a name or initials. Staff's filters list none of them.
 */
final class TaskCard {

  static final String CATEGORIES = "cardCategories";
  static final String DANGER = "cardDanger";

  private TaskCard() {}

  static void describe(DelegateExecution execution, List<FormField> startForm) {
    startForm.stream().filter(field -> field.key().equals("categories")).findFirst().ifPresent(field -> {
      String labels = values(execution.getVariable("categories")).stream().map(field::optionLabel).distinct()
          .collect(Collectors.joining(", "));
      if (!labels.isEmpty()) {
        execution.setVariable(CATEGORIES, labels);
      }
    });
    if (startForm.stream().anyMatch(field -> field.key().equals("immediateDanger"))) {
      execution.setVariable(DANGER, Boolean.TRUE.equals(execution.getVariable("immediateDanger"))
          ? "YES: the child may be in danger now" : "No");
    }
  }

  private static List<String> values(Object value) {
    if (value instanceof Collection<?> many) {
      return many.stream().map(String::valueOf).toList();
    }
    if (value instanceof SpinJsonNode json && json.isArray()) {
      return json.elements().stream().map(one -> one.isString() ? one.stringValue() : one.toString()).toList();
    }
    // A checklist is kept as comma-separated codes (StartFormCheck).
    return value == null ? List.of() : List.of(String.valueOf(value).split(",")).stream().map(String::trim)
        .filter(code -> !code.isEmpty()).toList();
  }
}
