package com.caisschool.safeguarding.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The school calendar as an administrator keeps it: a YAML file ({@code safeguarding.calendar.file})
 * read again whenever it changes, so next year's holidays or a new make-up day apply without a
 * restart or a redeploy. A changed file with a mistake is not taken: the calendar read before
 * stays in force and the mistake is logged (the file holds no case data). Without a file, the
 * example calendar built into the application applies.
 */
@Component
public class SchoolCalendar {

  static final String BUILT_IN = "calendar/school-calendar.yaml";

  private static final Logger log = LoggerFactory.getLogger(SchoolCalendar.class);

  private final Path file;
  private volatile CalendarData data;
  private volatile FileTime readVersion;

  @Autowired
  public SchoolCalendar(CalendarProperties properties) {
    this(properties.file().isEmpty() ? null : Path.of(properties.file()));
  }

  /** The calendar of this file; {@code null}: the built-in example. */
  public SchoolCalendar(Path file) {
    this.file = file;
    this.data = file == null ? builtIn() : readFile();
  }

  /** Whether deadlines counted in working days count this day (in the school's time zone). */
  public boolean isWorkingDay(LocalDate day) {
    return current().isWorkingDay(day);
  }

  /** Where the calendar comes from, for the page and the log. */
  public String source() {
    return file == null ? "built-in example (" + BUILT_IN + ")" : file.toString();
  }

  /** The last day the calendar lists; later days count only their weekends as days off. */
  public LocalDate knownUntil() {
    return current().knownUntil();
  }

  /** The name of the holiday or make-up working day on this day, else null. */
  public String nameOf(LocalDate day) {
    CalendarData now = current();
    return now.makeUpWorkingDay(day).or(() -> now.holiday(day)).map(CalendarData.Period::name).orElse(null);
  }

  CalendarData current() {
    if (file != null) {
      reloadIfChanged();
    }
    return data;
  }

  private synchronized void reloadIfChanged() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (modified.equals(readVersion)) {
        return;
      }
      data = CalendarFile.parse(Files.readString(file, StandardCharsets.UTF_8));
      readVersion = modified;
      log.info("School calendar read from {}", file);
    } catch (IOException | RuntimeException e) {
      // Keep the calendar in force; remember this version so the mistake is logged once.
      readVersion = modifiedOrNull();
      log.error("School calendar {} not read, the previous one stays in force: {}", file, e.getMessage());
    }
  }

  private CalendarData readFile() {
    try {
      CalendarData read = CalendarFile.parse(Files.readString(file, StandardCharsets.UTF_8));
      readVersion = Files.getLastModifiedTime(file);
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException("The school calendar " + file + " (safeguarding.calendar.file) cannot be read", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The school calendar " + file + " has a mistake: " + e.getMessage(), e);
    }
  }

  private FileTime modifiedOrNull() {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static CalendarData builtIn() {
    try (InputStream in = SchoolCalendar.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("The built-in school calendar " + BUILT_IN + " is missing");
      }
      return CalendarFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
