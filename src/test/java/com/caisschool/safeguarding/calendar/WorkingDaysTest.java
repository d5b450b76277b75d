package com.caisschool.safeguarding.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counting a deadline in working days on the built-in calendar (2026 holidays and make-up days). */
class WorkingDaysTest {

  private final WorkingDays workingDays = new WorkingDays(new SchoolCalendar((Path) null), ZoneId.of("Asia/Shanghai"));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void weekendsAreSkippedAndTheTimeOfDayKept() {
    assertThat(workingDays.after(at("2026-11-27T15:00"), "P2D")).isEqualTo(at("2026-12-01T15:00"));
    assertThat(workingDays.after(at("2026-11-28T10:00"), "P1D")).as("from a Saturday").isEqualTo(at("2026-11-30T10:00"));
    assertThat(workingDays.after(at("2026-11-23T09:00"), "P0D")).isEqualTo(at("2026-11-23T09:00"));
  }

  @Test
  void holidaysAreSkippedAndMakeUpWorkingDaysCount() {
    // Spring Festival 2026: 15-23 February off, Saturday 14 and Saturday 28 February worked.
    assertThat(workingDays.after(at("2026-02-13T09:00"), "P1D")).isEqualTo(at("2026-02-14T09:00"));
    assertThat(workingDays.after(at("2026-02-14T09:00"), "P1D")).isEqualTo(at("2026-02-24T09:00"));
    assertThat(workingDays.after(at("2026-02-27T09:00"), "P1D")).isEqualTo(at("2026-02-28T09:00"));
    // Ten working days of an investigation over Golden Week (1-7 October off, Saturday 10 October
    // worked): 29, 30 September, 8, 9, 10, 12-16 October.
    assertThat(workingDays.after(at("2026-09-28T09:00"), "P10D")).isEqualTo(at("2026-10-16T09:00"));
  }

  @Test
  void hoursStayClockHours() {
    assertThat(workingDays.after(at("2026-11-27T21:00"), "PT4H")).isEqualTo(at("2026-11-28T01:00"));
  }

  @Test
  void theEngineClockGivesNowForTheModelsExpressions() {
    ClockUtil.setCurrentTime(Date.from(at("2026-09-30T10:00").toInstant()));

    assertThat(workingDays.after("P2D")).isEqualTo(Date.from(at("2026-10-09T10:00").toInstant()));
    assertThat(workingDays.halfway("P2D")).isEqualTo(Date.from(at("2026-10-08T10:00").toInstant()));
    assertThat(workingDays.halfway("PT2H")).isEqualTo(Date.from(at("2026-09-30T11:00").toInstant()));
  }

  @Test
  void aDeadlineThatIsNotADayCountIsRefusedClearly() {
    assertThatThrownBy(() -> workingDays.after("P1M")).hasMessageContaining("number of days");
    assertThatThrownBy(() -> workingDays.after("P2W")).hasMessageContaining("number of days");
    assertThatThrownBy(() -> workingDays.after(" ")).hasMessageContaining("missing");
    assertThatThrownBy(() -> workingDays.after("two days")).hasMessageContaining("ISO-8601");
  }

  private static ZonedDateTime at(String localTime) {
    return ZonedDateTime.parse(localTime + ":00+08:00[Asia/Shanghai]");
  }
}
