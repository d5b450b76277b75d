package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.oncall.OnCallProperties.SchoolHoursSetting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Whether a moment is out of school hours, and whose duty it is then: a night belongs to the day
 * it starts on (02:00 on Sunday is Saturday's), so that the rota names one person per night.
 */
public class SchoolHours {

  private final SchoolHoursSetting hours;
  private final ZoneId zone;

  public SchoolHours(SchoolHoursSetting hours, ZoneId zone) {
    this.hours = hours;
    this.zone = zone;
  }

  public boolean outOfHours(Instant moment) {
    ZonedDateTime local = moment.atZone(zone);
    return !hours.days().contains(local.getDayOfWeek())
        || local.toLocalTime().isBefore(hours.start()) || !local.toLocalTime().isBefore(hours.end());
  }

  /** The day whose rota covers this moment: before the school day's start time, the day before. */
  public LocalDate dutyDate(Instant moment) {
    ZonedDateTime local = moment.atZone(zone);
    return local.toLocalTime().isBefore(hours.start()) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
  }
}
