package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.input.InputLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the school's roster from a CSV export of its information system, with the header
 * {@code student_id,name_latin,name_chinese,date_of_birth,grade} (date as YYYY-MM-DD; UTF-8).
 * Repeatable: a student already in the case file is updated only where the roster says otherwise.
 * A student is matched by student id, else (a child recorded from a report without one) by name in
 * either script; the roster's date of birth then sets the child's retention date. The report says
 * what was added, what changed, which lines were refused (by line number and reason, never quoting
 * them), and which children of the case file the roster does not match.
 */
@Component
class RosterImport {

  static final List<String> HEADER = List.of("student_id", "name_latin", "name_chinese", "date_of_birth", "grade");

  private final Children children;
  private final InputLimits limits;

  RosterImport(Children children, InputLimits limits) {
    this.children = children;
    this.limits = limits;
  }

  /** What one import did. */
  record Result(int added, int changed, int unchanged, List<String> refusedLines, List<Child> unmatched) {

    /** The same result, naming only the unmatched children the person may be shown. */
    Result unmatchedOnly(Predicate<Child> shown) {
      return new Result(added, changed, unchanged, refusedLines, unmatched.stream().filter(shown).toList());
    }
  }

  @Transactional
  Result importCsv(Reader csv, Instant now) {
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    List<String> refused = new ArrayList<>();
    Set<Long> rostered = new HashSet<>();
    try (BufferedReader lines = new BufferedReader(csv)) {
      List<String> header = CsvLine.fields(stripBom(lines.readLine()));
      if (header == null || !header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
        throw new IllegalArgumentException("The first line must be: " + String.join(",", HEADER));
      }
      String line;
      int number = 1;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        RosterEntry entry;
        try {
          entry = entry(CsvLine.fields(line));
        } catch (IllegalArgumentException refusal) {
          refused.add("line " + number + ": " + refusal.getMessage());
          continue;
        }
        Optional<Child> known = children.byStudentId(entry.studentId());
        if (known.isEmpty()) {
          known = children.withoutStudentId().stream().filter(child -> sameName(child, entry)).findFirst();
        }
        if (known.isEmpty()) {
          children.addFromRoster(entry, now);
          rostered.add(children.byStudentId(entry.studentId()).orElseThrow().id());
          added++;
        } else if (entry.sameAs(known.get(), children.otherName(known.get().id()))) {
          rostered.add(known.get().id());
          unchanged++;
        } else {
          children.fromRoster(known.get().id(), entry);
          rostered.add(known.get().id());
          changed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Child> unmatched = children.all().stream().filter(child -> !rostered.contains(child.id())).toList();
    return new Result(added, changed, unchanged, refused, unmatched);
  }

  private RosterEntry entry(List<String> fields) {
    if (fields.size() != HEADER.size()) {
      throw new IllegalArgumentException(HEADER.size() + " fields expected, " + fields.size() + " found");
    }
    String studentId = required(fields.get(0), "student_id");
    String latin = optional(fields.get(1));
    String chinese = optional(fields.get(2));
    if (latin == null && chinese == null) {
      throw new IllegalArgumentException("a name is required (name_latin or name_chinese)");
    }
    for (String value : new String[] {studentId, latin, chinese, fields.get(4)}) {
      if (value != null && value.length() > limits.maxNameLength()) {
        throw new IllegalArgumentException("a field is longer than " + limits.maxNameLength() + " characters");
      }
    }
    LocalDate born;
    try {
      born = optional(fields.get(3)) == null ? null : LocalDate.parse(fields.get(3).trim());
    } catch (DateTimeParseException notADate) {
      throw new IllegalArgumentException("date_of_birth is not a date (YYYY-MM-DD)");
    }
    return new RosterEntry(studentId, latin != null ? latin : chinese, latin != null ? chinese : null, born,
        optional(fields.get(4)));
  }

  private boolean sameName(Child child, RosterEntry entry) {
    return normal(child.name()).equals(normal(entry.name())) || normal(child.name()).equals(normal(entry.otherName()));
  }

  private static String normal(String name) {
    return name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Z}]+", "");
  }

  private static String required(String value, String field) {
    String trimmed = optional(value);
    if (trimmed == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return trimmed;
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String stripBom(String line) {
    return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
