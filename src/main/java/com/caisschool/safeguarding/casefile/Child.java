package com.caisschool.safeguarding.casefile;

import java.time.LocalDate;

/** A child with at least one case. Name and grade as first reported; the CPO adds the rest. */
public record Child(long id, String studentId, String name, String grade, LocalDate dateOfBirth,
    LocalDate leftSchoolOn) {}
