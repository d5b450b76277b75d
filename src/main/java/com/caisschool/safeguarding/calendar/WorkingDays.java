package com.caisschool.safeguarding.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Deadlines the policy states in working days, for the models' timers and due dates alike
 * ({@code ${workingDays.after(caseStudyTeamDeadline)}} with {@code caseStudyTeamDeadline: P2D}):
 * the days of the configured period are counted on the school calendar, skipping weekends and
 * public holidays and counting make-up working days; the deadline keeps the time of day it was set
 * at. A deadline configured in hours ({@code PT4H}) stays clock hours.
 */
@Component("workingDays")
public class WorkingDays {

  private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

  private final SchoolCalendar calendar;
  private final ZoneId schoolTimeZone;

  @Autowired
  public WorkingDays(SchoolCalendar calendar, com.caisschool.safeguarding.SafeguardingProperties school) {
    this(calendar, school.schoolTimeZone());
  }

  public WorkingDays(SchoolCalendar calendar, ZoneId schoolTimeZone) {
    this.calendar = calendar;
    this.schoolTimeZone = schoolTimeZone;
  }

  /** The engine's now plus the deadline: {@code P2D} is two working days later, {@code PT4H} four hours. */
  public Date after(String deadline) {
    ZonedDateTime now = now();
    return Date.from(after(now, deadline).toInstant());
  }

  /**
   * The follow-up date, when a reminder shows in Tasklist: half the working days ({@code P5D}: after
   * two), so it falls on a working day too; half the time for a deadline in hours or of one day.
   */
  public Date halfway(String deadline) {
    ZonedDateTime now = now();
    ZonedDateTime due = after(now, deadline);
    int halfOfTheDays = deadline.contains("T") ? 0 : Period.parse(deadline).getDays() / 2;
    ZonedDateTime followUp = halfOfTheDays == 0 ? now.plus(Duration.between(now, due).dividedBy(2))
        : after(now, "P" + halfOfTheDays + "D");
    return Date.from(followUp.toInstant());
  }

  ZonedDateTime after(ZonedDateTime start, String deadline) {
    if (deadline == null || deadline.isBlank()) {
      throw new IllegalArgumentException("A deadline is missing (expected ISO-8601 such as P2D for two working days)");
    }
    if (deadline.contains("T")) {
      return start.plus(Duration.parse(deadline));  // hours and minutes: clock time
    }
    Period period;
    try {
      period = Period.parse(deadline);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not an ISO-8601 period of days: " + deadline, e);
    }
    // Weeks and months have no agreed number of working days: the policy counts days.
    if (period.toTotalMonths() != 0 || period.getDays() < 0 || deadline.toUpperCase(java.util.Locale.ROOT).contains("W")) {
      throw new IllegalArgumentException("A deadline in working days is a number of days such as P10D, not " + deadline);
    }
    int days = period.getDays();
    LocalDate day = start.toLocalDate();
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    if (day.isAfter(calendar.knownUntil())) {
      log.warn("A deadline falls on {}, after the last day of the school calendar ({}): add the next year's dates",
          day, calendar.knownUntil());
    }
    return start.with(day);
  }

  private ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(schoolTimeZone);
  }
}
