package com.caisschool.safeguarding.forms;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;

/** Reads a date and time from a form or REST client; without an offset, school time is meant. */
final class DateTimeValues {

  private DateTimeValues() {}

  static Date parse(FormField field, Object raw, ZoneId schoolZone) {
    if (raw instanceof Date date) {
      return date;
    }
    if (raw instanceof String text) {
      try {
        try {
          return Date.from(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
          return Date.from(LocalDateTime.parse(text).atZone(schoolZone).toInstant());
        }
      } catch (DateTimeException | IllegalArgumentException | ArithmeticException notADate) {
        // fall through to the message below
      }
    }
    // The value itself is not repeated: the message may reach the logs.
    throw new BadUserRequestException(field.named() + " is not a date and time such as 2026-11-23T10:15+08:00");
  }
}
