package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.forms.FormField;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How recorded values read in a chronology entry. */
final class EntryText {

  private EntryText() {}

  /** "Label: value" for each field of the form that was filled in, in the form's order. */
  static String recorded(List<FormField> fields, Map<String, Object> values) {
    return fields.stream().filter(field -> !text(values.get(field.key())).isBlank())
        .map(field -> field.label() + ": " + text(values.get(field.key()))).collect(Collectors.joining("\n"));
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
