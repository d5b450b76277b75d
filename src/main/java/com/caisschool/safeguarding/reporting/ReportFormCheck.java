package com.caisschool.safeguarding.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a public report before anything is started (sizes, allowed choices, a readable date that
 * is not in the future) and turns it into the variables of a concern. Messages are keys of
 * messages.properties, so the page shows them in the reporter's language next to the field.
 */
class ReportFormCheck {

  /** Who a reporter on the public page says they are, in the order the page offers them. */
  static final List<String> REPORTER_ROLES = List.of("anonymous", "student", "parent", "community");
  static final Set<String> DANGER_ANSWERS = Set.of("yes", "no");

  /** A problem with one field: the message key and its arguments. */
  record Problem(String messageKey, Object... args) {}

  private final PublicReportProperties limits;
  private final ConcernChoices choices;
  private final ZoneId schoolZone;
  /** The school's date format (safeguarding.school-date-format), in which the page asks for a date. */
  private final DateTimeFormatter schoolDate;

  ReportFormCheck(PublicReportProperties limits, ConcernChoices choices, ZoneId schoolZone, String schoolDateFormat) {
    this.limits = limits;
    this.choices = choices;
    this.schoolZone = schoolZone;
    this.schoolDate = DateTimeFormatter.ofPattern(schoolDateFormat.replace("yyyy", "uuuu"))
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** A date as the page shows and asks for it. */
  String schoolDate(LocalDate date) {
    return schoolDate.format(date);
  }

  /** Field name → problem, in the order of the form; empty when the report can be started. */
  Map<String, Problem> problems(ReportForm form) {
    Map<String, Problem> problems = new LinkedHashMap<>();
    choice(problems, "reporterRole", form.getReporterRole(), Set.copyOf(REPORTER_ROLES), false);
    length(problems, "reporterName", form.getReporterName(), limits.maxNameLength());
    length(problems, "reporterContact", form.getReporterContact(), limits.maxNameLength());
    required(problems, "childName", form.getChildName());
    length(problems, "childName", form.getChildName(), limits.maxNameLength());
    length(problems, "childGrade", form.getChildGrade(), limits.maxNameLength());
    choice(problems, "concernAbout", form.getConcernAbout(), Set.copyOf(choices.concernAbout()), false);
    if (form.getCategories().size() > choices.categories().size()
        || !choices.categories().containsAll(form.getCategories())) {
      problems.putIfAbsent("categories", new Problem("report.error.choice"));
    }
    required(problems, "whatHappened", form.getWhatHappened());
    length(problems, "whatHappened", form.getWhatHappened(), limits.maxTextLength());
    date(problems, form.getWhenHappened());
    length(problems, "location", form.getLocation(), limits.maxNameLength());
    choice(problems, "dangerNow", form.getDangerNow(), DANGER_ANSWERS, true);
    return problems;
  }

  /** The concern's variables (only for a form without problems). Anonymous means no name is kept. */
  Map<String, Object> variables(ReportForm form) {
    Map<String, Object> report = new HashMap<>();
    String role = blank(form.getReporterRole()) ? "anonymous" : form.getReporterRole();
    report.put("reporterType", "public-page");
    report.put("reporterRole", role);
    if (!role.equals("anonymous")) {
      putIfGiven(report, "reporterName", form.getReporterName());
      putIfGiven(report, "reporterContact", form.getReporterContact());
    }
    report.put("childName", clean(form.getChildName()));
    putIfGiven(report, "childGrade", form.getChildGrade());
    putIfGiven(report, "concernAbout", form.getConcernAbout());
    if (!form.getCategories().isEmpty()) {
      report.put("categories", new ArrayList<>(form.getCategories()));
    }
    report.put("observations", clean(form.getWhatHappened()));
    report.put("concernAroseAt", blank(form.getWhenHappened())
        ? OffsetDateTime.now(schoolZone).withNano(0).toString()
        : LocalDate.parse(form.getWhenHappened().trim(), schoolDate).atStartOfDay(schoolZone).toOffsetDateTime().toString());
    putIfGiven(report, "location", form.getLocation());
    report.put("immediateDanger", "yes".equals(form.getDangerNow()));
    return report;
  }

  private void date(Map<String, Problem> problems, String value) {
    if (blank(value)) {
      return;
    }
    try {
      LocalDate date = LocalDate.parse(value.trim(), schoolDate);
      LocalDate today = LocalDate.now(schoolZone);
      if (date.isAfter(today)) {
        problems.put("whenHappened", new Problem("report.error.future"));
      } else if (date.isBefore(today.minusYears(30))) {
        problems.put("whenHappened", new Problem("report.error.date", schoolDate(today)));
      }
    } catch (DateTimeParseException e) {
      problems.put("whenHappened", new Problem("report.error.date", schoolDate(LocalDate.now(schoolZone))));
    }
  }

  private static void required(Map<String, Problem> problems, String field, String value) {
    if (blank(value)) {
      problems.putIfAbsent(field, new Problem("report.error.required"));
    }
  }

  private static void length(Map<String, Problem> problems, String field, String value, int max) {
    if (value != null && value.length() > max) {
      problems.putIfAbsent(field, new Problem("report.error.tooLong", max, value.length()));
    }
  }

  private static void choice(Map<String, Problem> problems, String field, String value, Set<String> allowed,
      boolean required) {
    if (blank(value)) {
      if (required) {
        problems.putIfAbsent(field, new Problem("report.error.required"));
      }
    } else if (!allowed.contains(value)) {
      problems.putIfAbsent(field, new Problem("report.error.choice"));
    }
  }

  private static void putIfGiven(Map<String, Object> report, String key, String value) {
    if (!blank(value)) {
      report.put(key, clean(value));
    }
  }


  /** Plain text only: control characters other than line breaks and tabs are dropped. */
  static String clean(String value) {
    return value == null ? "" : value.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").trim();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
