package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.forms.FormField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;

/** How recorded values read in a chronology entry. */
final class EntryText {

  /** A date and time as the case file shows it, in the school's time zone (named in the page's header). */
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private EntryText() {}

  /**
   * "Label: value" for each field of the form that was filled in, in the form's order: an answer
   * chosen from options as the form labels it, a date in the school's time zone.
   */
  static String recorded(List<FormField> fields, Map<String, Object> values, ZoneId zone) {
    return fields.stream().filter(field -> !text(values.get(field.key())).isBlank())
        .map(field -> field.label() + ": " + answer(field, values.get(field.key()), zone))
        .collect(Collectors.joining("\n"));
  }

  /** One answer as the person saw it in the form. */
  static String answer(FormField field, Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return WHEN.format(date.toInstant().atZone(zone));
    }
    if (value instanceof Collection<?> many) {
      return many.stream().map(one -> answer(field, one, zone)).collect(Collectors.joining(", "));
    }
    if (value instanceof SpinJsonNode json && json.isArray()) {
      return json.elements().stream().map(one -> answer(field, one.isString() ? one.stringValue() : one.toString(), zone))
          .collect(Collectors.joining(", "));
    }
    if (value instanceof String chosen && !field.optionLabels().isEmpty()) {
      // A checklist is kept as comma-separated codes (StartFormCheck).
      return field.multipleChoice() ? java.util.Arrays.stream(chosen.split(",")).map(String::trim)
          .map(field::optionLabel).collect(Collectors.joining(", ")) : field.optionLabel(chosen);
    }
    return text(value);
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof Boolean yes) {
      return yes ? "yes" : "no";
    }
    if (value instanceof Collection<?> many) {
      return many.stream().map(EntryText::text).collect(Collectors.joining(", "));
    }
    return value.toString();
  }

  static String lines(String first, String second) {
    return first.isEmpty() ? second : second.isEmpty() ? first : first + "\n" + second;
  }
}
