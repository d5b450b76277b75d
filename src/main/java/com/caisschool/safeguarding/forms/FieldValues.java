package com.caisschool.safeguarding.forms;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The type and range rules of one field, for a value that was given: a textfield or textarea holds
 * text, a number a number, a checkbox true or false, a select or radio one of its options, a
 * checklist a list of its options, a datetime a date (and time) as the form writes it; each within
 * the form's {@code validate} limits. A refusal names the field, never the value (it may reach a log).
 */
final class FieldValues {

  /** Dates outside these years are typing mistakes or probes, not events of a case. */
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 2999;

  private FieldValues() {}

  static void check(FormField field, Object value, Map<String, Object> shown, ZoneId schoolZone) {
    switch (field.type()) {
      case "textfield", "textarea" -> text(field, value);
      case "number" -> number(field, value);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw refused(field, "must be true or false");
        }
      }
      case "select", "radio" -> choice(field, value, shown);
      case "checklist", "taglist" -> ChecklistValues.read(value, field, optionsOf(field, shown));
      case "datetime" -> date(field, value, schoolZone);
      default -> { }
    }
  }

  private static void text(FormField field, Object value) {
    if (!(value instanceof String text)) {
      throw refused(field, "must be text");
    }
    FormField.Limits limits = field.limits();
    if (limits.minLength() != null && text.length() < limits.minLength()) {
      throw refused(field, "must have at least " + limits.minLength() + " characters");
    }
    if (limits.maxLength() != null && text.length() > limits.maxLength()) {
      throw refused(field, "must have at most " + limits.maxLength() + " characters");
    }
    if (limits.pattern() != null && !text.isEmpty() && !matches(limits.pattern(), text)) {
      throw refused(field, "is not in the form's format");
    }
  }

  /** As the form's own check: the pattern is found in the value (Tasklist's JavaScript test()). */
  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException badForm) {
      throw new IllegalStateException("The pattern of a form field is not a regular expression", badForm);
    }
  }

  private static void number(FormField field, Object value) {
    if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())
        || Double.isInfinite(number.doubleValue())) {
      throw refused(field, "must be a number");
    }
    FormField.Limits limits = field.limits();
    if (limits.min() != null && number.doubleValue() < limits.min()) {
      throw refused(field, "must be at least " + plain(limits.min()));
    }
    if (limits.max() != null && number.doubleValue() > limits.max()) {
      throw refused(field, "must be at most " + plain(limits.max()));
    }
  }

  private static String plain(double limit) {
    return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit);
  }

  private static void choice(FormField field, Object value, Map<String, Object> shown) {
    if (!(value instanceof String choice)) {
      throw refused(field, "must be one of its choices");
    }
    List<String> options = optionsOf(field, shown);
    if (!options.isEmpty() && !options.contains(choice)) {
      throw refused(field, "must be one of " + options);
    }
  }

  /** The form's fixed options, or those of the variable its {@code valuesKey} names. */
  static List<String> optionsOf(FormField field, Map<String, Object> shown) {
    if (field.optionsVariable() == null) {
      return field.options();
    }
    List<String> options = new ArrayList<>();
    Object listed = shown.get(field.optionsVariable());
    if (listed instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(option -> options.add(option.isObject() && option.hasProp("value")
          ? option.prop("value").stringValue() : option.isString() ? option.stringValue() : option.toString()));
    } else if (listed instanceof Collection<?> list) {
      list.forEach(option -> options.add(option instanceof Map<?, ?> map ? String.valueOf(map.get("value"))
          : String.valueOf(option)));
    }
    return options;
  }

  private static void date(FormField field, Object value, ZoneId schoolZone) {
    if (value instanceof Date date) {
      withinYears(field, date.toInstant().atZone(schoolZone).getYear());
      return;
    }
    if (!(value instanceof String text)) {
      throw refused(field, "must be a date written as text");
    }
    String subtype = field.subtype() == null ? "date" : field.subtype();
    try {
      switch (subtype) {
        case "date" -> withinYears(field, LocalDate.parse(text).getYear());
        case "time" -> time(text);
        default -> withinYears(field, DateTimeValues.parse(field, text, schoolZone).toInstant()
            .atZone(schoolZone).getYear());
      }
    } catch (DateTimeParseException notADate) {
      throw refused(field, subtype.equals("date") ? "is not a date such as 2026-11-23"
          : "is not a time such as 10:15");
    }
  }

  private static void time(String text) {
    try {
      OffsetTime.parse(text);
    } catch (DateTimeParseException withoutOffset) {
      LocalTime.parse(text);
    }
  }

  private static void withinYears(FormField field, int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw refused(field, "must lie between the years " + FIRST_YEAR + " and " + LAST_YEAR);
    }
  }

  static BadUserRequestException refused(FormField field, String rule) {
    return new BadUserRequestException(field.named() + " " + rule);
  }
}
