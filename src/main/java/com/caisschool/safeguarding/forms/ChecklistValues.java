package com.caisschool.safeguarding.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a checklist field as Tasklist sends it (a JSON array), as a list, or as comma-separated
 * text, and refuses any value the form does not offer (without repeating it: it may reach a log).
 */
public final class ChecklistValues {

  private ChecklistValues() {}

  public static List<String> read(Object raw, FormField field) {
    return read(raw, field, field.options());
  }

  static List<String> read(Object raw, FormField field, List<String> options) {
    List<String> choices = new ArrayList<>();
    if (raw instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        choices.add(choice(element.isString() ? element.stringValue() : null, field));
      }
    } else if (raw instanceof Collection<?> list) {
      list.forEach(item -> choices.add(choice(item instanceof String text ? text : null, field)));
    } else if (raw instanceof String text && !text.isBlank()) {
      String plain = text.replaceAll("[\\[\\]\"]", "");
      Arrays.stream(plain.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(choices::add);
    } else if (raw != null && !(raw instanceof String)) {
      throw FieldValues.refused(field, "must be a list of choices");
    }
    if (choices.stream().distinct().count() < choices.size()) {
      throw FieldValues.refused(field, "lists a choice more than once");
    }
    if (!options.isEmpty() && !options.containsAll(choices)) {
      throw FieldValues.refused(field, "holds a choice the form does not offer; known: " + options);
    }
    return List.copyOf(choices);
  }

  private static String choice(String text, FormField field) {
    if (text == null) {
      throw FieldValues.refused(field, "must be a list of choices");
    }
    return text;
  }
}
