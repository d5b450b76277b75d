package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.labels.Labels;
import com.caisschool.safeguarding.security.SystemAccess;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The case file as people read it (page and PDF alike): entries numbered 1, 2, 3 in the order
 * shown, times in the school's time zone (named once), and names instead of codes: the process
 * and step names of the models, the kind of entry in words, a person's name, a channel as the
 * report form labels it.
 */
@Component
class CaseFileView {

  private final Labels labels;
  private final IdentityService identities;
  private final ZoneId zone;
  private final CaseFileProperties rules;

  CaseFileView(Labels labels, IdentityService identities, SafeguardingProperties school, CaseFileProperties rules) {
    this.rules = rules;
    this.labels = labels;
    this.identities = identities;
    this.zone = school.schoolTimeZone();
  }

  /** One line of the chronology; {@code id} is kept only to post a correction. */
  record Line(long number, long id, String when, String caseReference, String who, String what, String step,
      String details, String reason) {}

  /** One process of a case, as the case page lists it. */
  record Process(String processInstanceId, String name, Long childId, String childName, String categories,
      String courseOfAction, String opened, String state, boolean open, String caseReference) {}

  List<Line> lines(List<ChronologyEntry> entries) {
    return lines(entries, 1, earlier -> null);
  }

  /**
   * The lines of one page of a chronology whose first entry has number {@code firstNumber}; a
   * correction of an entry on an earlier page names it by {@code numberOfEarlier} (its id to its
   * number, or null: "an earlier entry").
   */
  List<Line> lines(List<ChronologyEntry> entries, long firstNumber, Function<Long, Long> numberOfEarlier) {
    Map<Long, Long> numbers = new HashMap<>();
    IntStream.range(0, entries.size()).forEach(i -> numbers.put(entries.get(i).id(), firstNumber + i));
    Map<String, String> people = new HashMap<>();
    return IntStream.range(0, entries.size()).mapToObj(i -> {
      ChronologyEntry entry = entries.get(i);
      Long corrected = entry.correctsEntryId() == null ? null
          : numbers.computeIfAbsent(entry.correctsEntryId(), numberOfEarlier);
      String what = entry.kind().label() + (corrected != null ? " of entry " + corrected
          : entry.correctsEntryId() != null ? " of an earlier entry" : "");
      String step = entry.stepName() != null ? entry.stepName() : entry.stepId() == null ? ""
          : labels.stepName(entry.processInstanceId(), entry.stepId());
      return new Line(firstNumber + i, entry.id(), when(entry.occurredAt()), entry.caseReference(),
          people.computeIfAbsent(entry.actor(), this::who), what, step, orEmpty(entry.details()),
          orEmpty(entry.reason()));
    }).toList();
  }

  private Process process(CaseSummary summary, String processName) {
    String state = summary.open() ? "open" : "closed " + when(summary.closedAt());
    return new Process(summary.processInstanceId(), processName, summary.childId(),
        summary.childName(), labels.optionsOfList("categories", summary.categories()),
        labels.option(rules.courseOfActionField(), summary.courseOfAction()), when(summary.openedAt()), state,
        summary.open(), summary.caseReference());
  }

  /**
   * The processes of a page, each model's name asked once per page, not once per row (each question
   * is an engine command with its own query: 50 of them for a page of the case list, issue 25).
   */
  List<Process> processes(List<CaseSummary> summaries) {
    Map<String, String> names = new HashMap<>();
    return summaries.stream()
        .map(summary -> process(summary, names.computeIfAbsent(summary.processKey(), labels::processName)))
        .toList();
  }

  String when(Instant at) {
    return at == null ? "" : EntryText.WHEN.format(at.atZone(zone));
  }

  /** The school's time zone as the pages name it, e.g. "China Standard Time (Asia/Shanghai)". */
  String zoneName() {
    return zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " (" + zone.getId() + ")";
  }

  /** A person by name; a channel as the report form labels it; the system as such. */
  String who(String actor) {
    if (actor == null || actor.equals(Actors.SYSTEM)) {
      return "The system";
    }
    User user = SystemAccess.run(identities, () -> identities.createUserQuery().userId(actor).singleResult());
    if (user != null) {
      String name = (orEmpty(user.getFirstName()) + " " + orEmpty(user.getLastName())).trim();
      return name.isEmpty() ? actor : name;
    }
    return labels.option("reporterType", actor);
  }

  /** Every PDF page's footer: who exported the file and when (school time, zone named). */
  String exportedBy(String user) {
    return "Exported by " + who(user) + " on " + when(EngineTime.now()) + ", " + zoneName();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
