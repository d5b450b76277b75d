package com.caisschool.safeguarding.forms;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Refuses a submission in which a field that its form marks as required is missing or blank, or a
 * fixed-choice field holds a value the form does not offer. The message names the field by the
 * label the person saw, so that a REST client or a public page can show it as it is.
 */
public final class RequiredFieldCheck {

  private RequiredFieldCheck() {}

  public static void check(List<FormField> fields, Map<String, Object> variables) {
    for (FormField field : fields) {
      Object value = variables.get(field.key());
      if (field.alwaysRequired() && isBlank(value)) {
        throw new BadUserRequestException(
            "Required field missing: '" + field.label() + "' (" + field.key() + ")");
      }
      if (field.singleChoice() && value instanceof String choice && !choice.isBlank()
          && !field.options().contains(choice)) {
        throw new BadUserRequestException("'" + field.label() + "' (" + field.key()
            + ") must be one of " + field.options() + ", not '" + choice + "'");
      }
    }
  }

  static boolean isBlank(Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || value instanceof Collection<?> list && list.isEmpty();
  }
}
