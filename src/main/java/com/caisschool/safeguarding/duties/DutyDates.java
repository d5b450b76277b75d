package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.SafeguardingProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Date rules of the standing duties' models ({@code ${dutyDates.before(reviewDate, reviewLeadTime)}}):
 * a duty's dates are calendar dates (a form's date field, {@code 2026-08-01}) in the school's time
 * zone; lead times and intervals are ISO-8601 periods or durations from the school's configuration.
 */
@Component("dutyDates")
public class DutyDates {

  private final ZoneId schoolTimeZone;

  @Autowired
  public DutyDates(SafeguardingProperties school) {
    this(school.schoolTimeZone());
  }

  public DutyDates(ZoneId schoolTimeZone) {
    this.schoolTimeZone = schoolTimeZone;
  }

  /** The start of the given day at the school. */
  public Date at(String date) {
    return Date.from(startOf(date).toInstant());
  }

  /** The start of the given day at the school, less the lead time ({@code P60D}, {@code P2M}). */
  public Date before(String date, String leadTime) {
    return Date.from(startOf(date).minus(amount(leadTime)).toInstant());
  }

  /** The start of the day the period after the given day, at the school ({@code P30D} after a start date). */
  public Date after(String date, String period) {
    return Date.from(startOf(date).plus(amount(period)).toInstant());
  }

  /** The day the interval after the given day ({@code P1Y}): next year's date of a yearly duty. */
  public String plus(String date, String interval) {
    return startOf(date).plus(amount(interval)).toLocalDate().toString();
  }

  private ZonedDateTime startOf(String date) {
    if (date == null || date.isBlank()) {
      throw new IllegalArgumentException("A duty date is missing (expected a date such as 2026-08-01)");
    }
    // A form's date field gives the day; a longer value (date and time) keeps only its day.
    return LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date).atStartOfDay(schoolTimeZone);
  }

  static TemporalAmount amount(String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException("A duty lead time or interval is missing (expected ISO-8601 such as P60D)");
    }
    try {
      return iso.contains("T") ? Duration.parse(iso) : java.time.Period.parse(iso);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not an ISO-8601 period or duration: " + iso, e);
    }
  }
}
