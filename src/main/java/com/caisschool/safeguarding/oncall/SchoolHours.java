package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.oncall.OnCallProperties.SchoolHoursSetting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * Whether a moment is out of school hours, and whose duty it is then: a night belongs to the day
 * it starts on (02:00 on Sunday is Saturday's), so that the rota names one person per night. Which
 * days are school days is the school calendar's (README "School calendar, cover and on-call"): a
 * public holiday is out of hours all day, a make-up working Saturday is not.
 */
public class SchoolHours {

  private final SchoolHoursSetting hours;
  private final ZoneId zone;
  private final Predicate<LocalDate> schoolDay;

  public SchoolHours(SchoolHoursSetting hours, ZoneId zone, Predicate<LocalDate> schoolDay) {
    this.hours = hours;
    this.zone = zone;
    this.schoolDay = schoolDay;
  }

  public boolean outOfHours(Instant moment) {
    ZonedDateTime local = moment.atZone(zone);
    return !schoolDay.test(local.toLocalDate())
        || local.toLocalTime().isBefore(hours.start()) || !local.toLocalTime().isBefore(hours.end());
  }

  /** The day whose rota covers this moment: before the school day's start time, the day before. */
  public LocalDate dutyDate(Instant moment) {
    ZonedDateTime local = moment.atZone(zone);
    return local.toLocalTime().isBefore(hours.start()) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
  }
}
