package com.caisschool.safeguarding.forms;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's report in the form the models read it, once {@link StartFormContract} has checked it
 * against the start form, whoever sent it (Tasklist, the REST API, a public page, the mailbox):
 * checklists are kept as comma-separated codes (what decision tables read); dates and times are read
 * in school time and cannot lie in the future; a checkbox left out is "no". Returns the values to keep.
 */
public final class StartFormCheck {

  /** A report's time may run this much ahead of the server's clock (a phone's clock, say). */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private StartFormCheck() {}

  public static Map<String, Object> check(List<FormField> fields, Map<String, Object> report,
      ZoneId schoolZone, Date reportedAt) {
    Map<String, Object> values = new HashMap<>(report);
    for (FormField field : fields) {
      Object raw = report.get(field.key());
      switch (field.type()) {
        case "checklist" -> {
          if (raw != null) {
            values.put(field.key(), String.join(",", ChecklistValues.read(raw, field)));
          }
        }
        case "datetime" -> {
          if (raw != null && !(raw instanceof String text && text.isBlank())) {
            Date date = DateTimeValues.parse(field, raw, schoolZone);
            if (date.toInstant().isAfter(reportedAt.toInstant().plus(CLOCK_SKEW))) {
              throw FieldValues.refused(field, "cannot be in the future");
            }
            values.put(field.key(), date);
          }
        }
        case "checkbox" -> values.put(field.key(), Boolean.TRUE.equals(raw));
        default -> { }
      }
    }
    values.keySet().retainAll(fields.stream().map(FormField::key).toList());
    return values;
  }
}
