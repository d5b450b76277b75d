package com.caisschool.safeguarding.cover;

import java.time.Instant;
import java.time.LocalDate;

/** A planned absence: who is away, on which days (both included), who covers, who recorded it. */
public record Absence(long id, String absentUser, LocalDate from, LocalDate to, String coverUser,
    String recordedBy, Instant recordedAt) {

  boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
