package com.caisschool.safeguarding.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One reading of the school calendar: which days are weekends, the terms, the public holidays
 * (and school closures) and the make-up working days (调休: a Saturday or Sunday that is a
 * working day). A make-up working day is always a working day; a holiday never is.
 */
record CalendarData(Set<DayOfWeek> weekend, boolean termBreaksAreWorkingDays, List<Period> terms,
    List<Period> holidays, List<Period> makeUpWorkingDays) {

  /** A named run of whole days, both ends included. */
  record Period(String name, LocalDate from, LocalDate to) {
    Period {
      if (from == null) {
        throw new IllegalArgumentException("A calendar entry has no date" + (name == null ? "" : ": " + name));
      }
      to = to == null ? from : to;
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("A calendar entry ends before it starts: " + name);
      }
    }

    boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  CalendarData {
    weekend = Set.copyOf(weekend);
    terms = List.copyOf(terms);
    holidays = List.copyOf(holidays);
    makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
  }

  boolean isWorkingDay(LocalDate day) {
    if (find(makeUpWorkingDays, day).isPresent()) {
      return true;
    }
    if (weekend.contains(day.getDayOfWeek()) || find(holidays, day).isPresent()) {
      return false;
    }
    return termBreaksAreWorkingDays || terms.isEmpty() || find(terms, day).isPresent();
  }

  /** What the day is, for the calendar page: a holiday's or make-up day's name, else empty. */
  Optional<Period> holiday(LocalDate day) {
    return find(holidays, day);
  }

  Optional<Period> makeUpWorkingDay(LocalDate day) {
    return find(makeUpWorkingDays, day);
  }

  /** The last day the calendar lists a holiday or term for: after it only weekends count. */
  LocalDate knownUntil() {
    return java.util.stream.Stream.of(terms, holidays, makeUpWorkingDays).flatMap(List::stream)
        .map(Period::to).max(LocalDate::compareTo).orElse(LocalDate.MIN);
  }

  private static Optional<Period> find(List<Period> periods, LocalDate day) {
    return periods.stream().filter(period -> period.contains(day)).findFirst();
  }
}
