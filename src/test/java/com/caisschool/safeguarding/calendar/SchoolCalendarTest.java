package com.caisschool.safeguarding.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The school calendar: the built-in example's days, and a file an administrator edits while the application runs. */
class SchoolCalendarTest {

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  @TempDir
  Path folder;

  @Test
  void theBuiltInCalendarKnowsWeekendsHolidaysAndMakeUpWorkingDays() {
    SchoolCalendar calendar = new SchoolCalendar((Path) null);

    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-27"))).as("a Friday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).as("a Saturday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).as("Golden Week Monday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("make-up Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-17"))).as("Spring Festival").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("make-up Saturday before it").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-07-15"))).as("a weekday between terms").isTrue();
    assertThat(calendar.nameOf(LocalDate.parse("2026-10-10"))).contains("National Day");
    assertThat(calendar.knownUntil()).isAfterOrEqualTo(LocalDate.parse("2027-12-31"));
  }

  @Test
  void anEditedFileAppliesWithoutARestartAndNextYearsDatesApplyOnlyOnTheirDays() throws IOException {
    Path file = folder.resolve("calendar.yaml");
    write(file, "holidays:\n  - {name: Founders' Day, date: 2026-12-04}\n", 1);
    SchoolCalendar calendar = new SchoolCalendar(file);
    WorkingDays workingDays = new WorkingDays(calendar, SCHOOL);
    ZonedDateTime thursday = ZonedDateTime.parse("2026-12-03T09:00:00+08:00[Asia/Shanghai]");

    assertThat(workingDays.after(thursday, "P1D")).as("Friday is Founders' Day").isEqualTo(thursday.plusDays(4));

    // The administrator enters a make-up Saturday and next year's New Year holiday, then saves.
    write(file, """
        holidays:
          - {name: Founders' Day, date: 2026-12-04}
          - {name: New Year's Day 2027, from: 2027-01-01, to: 2027-01-03}
        make-up-working-days:
          - {name: Make-up Saturday, date: 2026-12-05}
        """, 2);
    assertThat(workingDays.after(thursday, "P1D")).as("the Saturday now counts").isEqualTo(thursday.plusDays(2));
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-01"))).as("only on its own dates").isTrue();
  }

  @Test
  void aFileWithAMistakeIsNotTakenAndThePreviousCalendarStays() throws IOException {
    Path file = folder.resolve("calendar.yaml");
    write(file, "holidays:\n  - {name: Founders' Day, date: 2026-12-04}\n", 1);
    SchoolCalendar calendar = new SchoolCalendar(file);

    write(file, "holidays:\n  - {name: Typo Day, date: 2026-13-40}\n", 2);

    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-04"))).isFalse();
  }

  @Test
  void aMistakeIsRefusedAtStartWithTheEntryNamed() throws IOException {
    Path file = folder.resolve("calendar.yaml");
    write(file, "holidays:\n  - {name: Backwards Week, from: 2026-12-10, to: 2026-12-04}\n", 1);

    assertThatThrownBy(() -> new SchoolCalendar(file)).hasMessageContaining("Backwards Week")
        .hasMessageContaining("ends before it starts");
    write(file, "holiday:\n  - {name: Misspelt, date: 2026-12-04}\n", 2);
    assertThatThrownBy(() -> new SchoolCalendar(file)).hasMessageContaining("unknown setting: holiday");
  }

  @Test
  void closedBetweenTermsWhenTheSchoolSaysSo() throws IOException {
    Path file = folder.resolve("calendar.yaml");
    write(file, """
        term-breaks-are-working-days: false
        terms:
          - {name: Semester 1, from: 2026-08-17, to: 2027-01-22}
        """, 1);
    SchoolCalendar calendar = new SchoolCalendar(file);

    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-08-14"))).as("a Friday in the summer break").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-08-17"))).as("the first day of term").isTrue();
  }

  /** Writes the file and gives it its own modification time (seconds apart), as a later save would. */
  private static void write(Path file, String yaml, int version) throws IOException {
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(version)));
  }
}
