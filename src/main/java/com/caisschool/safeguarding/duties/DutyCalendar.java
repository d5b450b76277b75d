package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.SafeguardingProperties;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The yearly duties' timer start events ({@code ${dutyCalendar.yearly('policy-review', 'reviewDay', 'reviewLeadTime')}}):
 * a duty falls on a day of the year from the school's configuration
 * ({@code safeguarding.process-defaults.<process>.<dayKey>}, {@code 08-01}) and starts its lead time
 * before that day, every year. The engine reads the cycle when the model is deployed.
 */
@Component("dutyCalendar")
public class DutyCalendar {

  private final Map<String, Map<String, String>> processDefaults;
  private final ZoneId schoolTimeZone;

  @Autowired
  public DutyCalendar(SafeguardingProperties school) {
    this(school.processDefaults(), school.schoolTimeZone());
  }

  public DutyCalendar(Map<String, Map<String, String>> processDefaults, ZoneId schoolTimeZone) {
    this.processDefaults = Map.copyOf(processDefaults);
    this.schoolTimeZone = schoolTimeZone;
  }

  /** A yearly cycle ({@code R/2027-06-02T00:00:00+08:00/P1Y}) whose first start is the next one from today. */
  public String yearly(String processKey, String dayKey, String leadTimeKey) {
    ZonedDateTime start = nextStart(processKey, dayKey, leadTimeKey);
    return "R/" + start.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1Y";
  }

  /** The next start of the duty at or after now: its day this year or next, less the lead time. */
  ZonedDateTime nextStart(String processKey, String dayKey, String leadTimeKey) {
    ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(schoolTimeZone);
    MonthDay day = day(processKey, dayKey);
    var lead = DutyDates.amount(setting(processKey, leadTimeKey));
    for (int year = now.getYear(); ; year++) {
      ZonedDateTime start = day.atYear(year).atStartOfDay(schoolTimeZone).minus(lead);
      if (!start.isBefore(now)) {
        return start;
      }
    }
  }

  /** The duty's day on or after today ({@code 2027-08-01}): this year's date of a run the timer has just started. */
  public String nextDate(String processKey, String dayKey) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), schoolTimeZone);
    LocalDate date = day(processKey, dayKey).atYear(today.getYear());
    return (date.isBefore(today) ? day(processKey, dayKey).atYear(today.getYear() + 1) : date).toString();
  }

  private MonthDay day(String processKey, String dayKey) {
    String value = setting(processKey, dayKey);
    try {
      return MonthDay.parse("--" + value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("safeguarding.process-defaults." + processKey + "." + dayKey
          + " must be a day of the year such as 08-01, not " + value, e);
    }
  }

  private String setting(String processKey, String key) {
    String value = processDefaults.getOrDefault(processKey, Map.of()).get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("safeguarding.process-defaults." + processKey + "." + key + " is not set");
    }
    return value;
  }
}
