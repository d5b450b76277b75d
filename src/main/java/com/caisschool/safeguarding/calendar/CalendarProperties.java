package com.caisschool.safeguarding.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.calendar}: the school calendar file an administrator edits (term dates,
 * public holidays, make-up working days). Blank: the example calendar built into the application
 * ({@value SchoolCalendar#BUILT_IN}), which a school copies, checks and points this setting at.
 */
@ConfigurationProperties("safeguarding.calendar")
public record CalendarProperties(String file) {

  public CalendarProperties {
    file = file == null ? "" : file.trim();
  }
}
