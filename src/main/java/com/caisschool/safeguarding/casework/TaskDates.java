package com.caisschool.safeguarding.casework;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Date rules the models use on their user tasks ({@code ${taskDates.halfway(triageDeadline)}}):
 * the task's follow-up date is halfway to its deadline, so a reminder shows in Tasklist while
 * there is still time. Deadlines stay ISO-8601 durations from the school's configuration; the
 * engine turns the returned duration into a date from the moment the task is created.
 */
@Component("taskDates")
public class TaskDates {

  /** Half of a deadline given as a duration: {@code P2D} gives {@code PT24H}, {@code PT1H} gives {@code PT30M}. */
  public String halfway(String deadline) {
    return duration(deadline).dividedBy(2).toString();
  }

  /**
   * The engine's now plus a period that may be in months ({@code P6M}) or a duration
   * ({@code P14D}, {@code PT4H}): for limits that are not task deadlines, such as how long a case
   * may be monitored. Months are counted on the calendar (in UTC: a day either way does not matter here).
   */
  public Date fromNow(String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException("A period is missing (expected an ISO-8601 period such as P6M)");
    }
    var now = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    try {
      return Date.from(now.plus(Duration.parse(iso)).toInstant());
    } catch (DateTimeParseException notDaysAndTime) {
      return Date.from(now.plus(Period.parse(iso)).toInstant());
    }
  }

  static Duration duration(String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException("A task deadline is missing (expected an ISO-8601 duration such as P2D)");
    }
    try {
      return Duration.parse(iso);
    } catch (DateTimeParseException notDaysAndTime) {
      // Weeks (P2W) are a Period; months and years have no fixed length and are refused.
      Period period = Period.parse(iso);
      if (period.toTotalMonths() != 0) {
        throw new IllegalArgumentException("A task deadline in months or years has no fixed length: " + iso);
      }
      return Duration.ofDays(period.getDays());
    }
  }
}
