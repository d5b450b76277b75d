package com.caisschool.safeguarding.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a checklist field as Tasklist sends it (a JSON array), as a list, or as comma-separated
 * text, and refuses any value the form does not offer.
 */
public final class ChecklistValues {

  private ChecklistValues() {}

  public static List<String> read(Object raw, FormField field) {
    List<String> categories = new ArrayList<>();
    if (raw instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> categories.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (raw instanceof Collection<?> list) {
      list.forEach(item -> categories.add(String.valueOf(item)));
    } else if (raw instanceof String text && !text.isBlank()) {
      String plain = text.replaceAll("[\\[\\]\"]", "");
      Arrays.stream(plain.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(categories::add);
    } else if (raw != null) {
      throw new BadUserRequestException("'" + field.label() + "' (" + field.key() + ") must be a list of choices");
    }
    for (String category : categories) {
      if (!field.options().contains(category)) {
        throw new BadUserRequestException("Unknown choice '" + category + "' in '" + field.label()
            + "' (" + field.key() + "); known: " + field.options());
      }
    }
    return List.copyOf(categories);
  }
}
