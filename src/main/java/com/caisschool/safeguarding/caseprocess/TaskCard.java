package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.language.CardValues;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What a Tasklist card of the case shows the CPO and the deputy besides the case reference
 * (issue 23): the categories as the report form labels them and the danger flag (the form's words
 * for it, or "No"), as variables the card readers' filters list
 * ({@code safeguarding.worklists.card-variables}); the grade is the report's own {@code childGrade}.
 * In the report form's English words, so that the webapps show them in each reader's language as
 * the form is translated (language/CardValues). Never a name or initials. Everyone else's filters
 * list none of them.
 * Described again as each task of a case is created, from the facts as they then stand: a report
 * corrected at triage (the model applies the corrected categories and danger flag on its way back
 * to the priority decision) shows corrected on every card of the case.
 */
final class TaskCard implements TaskListener {

  static final String CATEGORIES = "cardCategories";
  static final String DANGER = "cardDanger";
  /** The danger flag when the report says no; when it says yes, the form's own words for it. */
  static final String NOT_IN_DANGER = "No";

  private final Supplier<FormDefinitions> forms;

  TaskCard(Supplier<FormDefinitions> forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution process = task.getExecution().getProcessInstance();
    // The form the case's report was made with: the labels of its categories.
    startForms.computeIfAbsent(process.getProcessDefinitionId(), any -> startFormOf(process))
        .ifPresent(startForm -> describe(process, forms.get().fields(process.getProcessDefinitionId(), startForm)));
  }

  /** Per process definition (a deployed model never changes): the form of its first start event with one. */
  private final Map<String, Optional<String>> startForms = new ConcurrentHashMap<>();

  private static Optional<String> startFormOf(DelegateExecution process) {
    Process model = CaseDeclaration.processOf(process);
    if (model == null) {
      return Optional.empty();
    }
    return model.getChildElementsByType(StartEvent.class).stream().map(CaseDeclaration::startFormOf)
        .filter(Objects::nonNull).findFirst();
  }

  private static void describe(DelegateExecution process, List<FormField> startForm) {
    startForm.stream().filter(field -> field.key().equals("categories")).findFirst().ifPresent(field -> {
      String labels = values(process.getVariable("categories")).stream().map(field::optionLabel).distinct()
          .collect(Collectors.joining(CardValues.ENGLISH_SEPARATOR));
      if (!labels.isEmpty()) {
        setIfChanged(process, CATEGORIES, labels);
      }
    });
    startForm.stream().filter(field -> field.key().equals("immediateDanger")).findFirst().ifPresent(field ->
        setIfChanged(process, DANGER, Boolean.TRUE.equals(process.getVariable("immediateDanger"))
            ? field.label() : NOT_IN_DANGER));
  }

  /** Unchanged facts write nothing: no history entry for every task of a case. */
  private static void setIfChanged(DelegateExecution process, String name, String value) {
    if (!value.equals(process.getVariable(name))) {
      process.setVariable(name, value);
    }
  }

  private static List<String> values(Object value) {
    if (value instanceof Collection<?> many) {
      return many.stream().map(String::valueOf).toList();
    }
    if (value instanceof SpinJsonNode json && json.isArray()) {
      return json.elements().stream().map(one -> one.isString() ? one.stringValue() : one.toString()).toList();
    }
    // A checklist is kept as comma-separated codes (StartFormCheck, and a triage correction).
    return value == null ? List.of() : List.of(String.valueOf(value).split(",")).stream().map(String::trim)
        .filter(code -> !code.isEmpty()).toList();
  }
}
