package com.caisschool.safeguarding.casefile;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One student of the school's roster. {@code name} is the name in Latin script where the roster
 * has one (else the Chinese one), {@code otherName} the name in the other script.
 */
record RosterEntry(String studentId, String name, String otherName, LocalDate dateOfBirth, String grade) {

  /** Whether the case file's record of the child already says what this entry says. */
  boolean sameAs(Child child, String childOtherName) {
    return Objects.equals(studentId, child.studentId()) && Objects.equals(name, child.name())
        && Objects.equals(otherName, childOtherName) && Objects.equals(dateOfBirth, child.dateOfBirth())
        && Objects.equals(grade, child.grade());
  }
}
