package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.labels.Labels;
import com.caisschool.safeguarding.security.CaseSubjects;
import com.caisschool.safeguarding.security.SystemAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The cases on the CPO's overview (the CPO and the deputy only): open cases by stage and by
 * priority, overdue tasks, deadlines of the next days, a calendar of reviews and deadlines, late
 * reports, incidents, and a search by child. Everything links to the case file and to the task in
 * Tasklist. A case about the person looking is neither counted nor shown (CaseSubjects).
 */
@Component
public class CaseOverview {

  /** How far ahead "due soon" and the calendar look. */
  static final Duration SOON = Duration.ofDays(7);
  static final Duration CALENDAR = Duration.ofDays(28);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final CaseFiles caseFiles;
  private final Children children;
  private final CaseSubjects subjects;
  private final ProcessPositions positions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identities;
  private final Labels labels;
  private final CaseFileView view;
  private final ZoneId zone;

  CaseOverview(CaseFiles caseFiles, Children children, CaseSubjects subjects, ProcessPositions positions,
      RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identities,
      Labels labels, CaseFileView view, SafeguardingProperties school) {
    this.caseFiles = caseFiles;
    this.children = children;
    this.subjects = subjects;
    this.positions = positions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identities = identities;
    this.labels = labels;
    this.view = view;
    this.zone = school.schoolTimeZone();
  }

  public record Count(String label, long count) {}

  /** A task of a case: when it is due, what it is, which case, and its links. */
  public record TaskLine(String due, String task, String process, String caseReference, String taskId) {}

  /** One thing on the calendar: a task's deadline, or a scheduled review (a timer of the model). */
  public record CalendarEntry(String time, String what, String caseReference, String taskId) {}

  public record CalendarDay(String day, List<CalendarEntry> entries) {}

  public record CaseLine(String caseReference, String process, String opened, String detail, String processInstanceId) {}

  public record FoundChild(long id, String name, String grade, String studentId, List<CaseLine> cases,
      List<TaskLine> openTasks) {}

  public record Shown(long openCases, List<Count> byStage, List<Count> byPriority, List<TaskLine> overdue,
      List<TaskLine> dueSoon, List<CalendarDay> calendar, List<CaseLine> lateReports, List<CaseLine> incidents,
      String zoneName, String childSearch, List<FoundChild> found) {}

  /** The overview for {@code userId}; {@code childSearch} (or null) a name, student ID or grade. */
  public Shown of(String userId, String childSearch) {
    return SystemAccess.run(identities, () -> build(userId, childSearch));
  }

  private Shown build(String userId, String childSearch) {
    Set<String> hidden = subjects.referencesHiddenFrom(userId);
    List<CaseSummary> open = caseFiles.open().stream()
        .filter(process -> !hidden.contains(process.caseReference())).toList();
    Map<String, CaseSummary> byInstance = open.stream()
        .collect(Collectors.toMap(CaseSummary::processInstanceId, Function.identity(), (a, b) -> a));
    Instant now = EngineTime.now();
    List<Task> openTasks = byInstance.isEmpty() ? List.of() : tasks.createTaskQuery()
        .processInstanceIdIn(byInstance.keySet().toArray(String[]::new)).orderByDueDate().asc().list();
    List<TaskLine> overdue = openTasks.stream().filter(task -> task.getDueDate() != null
        && task.getDueDate().toInstant().isBefore(now)).map(task -> line(task, byInstance)).toList();
    List<TaskLine> dueSoon = openTasks.stream().filter(task -> task.getDueDate() != null
        && !task.getDueDate().toInstant().isBefore(now) && task.getDueDate().toInstant().isBefore(now.plus(SOON)))
        .map(task -> line(task, byInstance)).toList();
    return new Shown(open.stream().map(CaseSummary::caseReference).distinct().count(), byStage(open),
        byPriority(open), overdue, dueSoon, calendar(openTasks, byInstance, now), lateReports(open),
        incidents(byInstance), view.zoneName(), childSearch, childSearch == null ? null : found(childSearch, hidden));
  }

  private List<Count> byStage(List<CaseSummary> open) {
    Map<String, Long> counts = new TreeMap<>();
    for (CaseSummary process : open) {
      String name = labels.processName(process.processKey());
      List<String> at = positions.of(process.processInstanceId());
      (at.isEmpty() ? List.of("between steps") : at).forEach(step -> counts.merge(name + ": " + step, 1L, Long::sum));
    }
    return counts.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue())).toList();
  }

  /** By the priority triage gave the concern (the concern-priority decision); not yet rated otherwise. */
  private List<Count> byPriority(List<CaseSummary> open) {
    Map<String, Long> counts = new LinkedHashMap<>();
    List.of("Critical", "High", "Standard").forEach(level -> counts.put(level, 0L));
    for (CaseSummary process : open) {
      Object priority = runtime.getVariable(process.processInstanceId(), "priority");
      String level = priority == null ? "Not rated (a pathway without triage)" : capitalised(priority.toString());
      counts.merge(level, 1L, Long::sum);
    }
    return counts.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue())).toList();
  }

  private List<CalendarDay> calendar(List<Task> openTasks, Map<String, CaseSummary> byInstance, Instant now) {
    Map<LocalDate, List<Dated>> days = new TreeMap<>();
    Instant until = now.plus(CALENDAR);
    for (Task task : openTasks) {
      if (task.getDueDate() != null && task.getDueDate().toInstant().isBefore(until)) {
        add(days, task.getDueDate(), new Dated(task.getDueDate(), "Deadline: " + task.getName(),
            byInstance.get(task.getProcessInstanceId()).caseReference(), task.getId()));
      }
    }
    if (!byInstance.isEmpty()) {
      for (Job timer : management.createJobQuery().timers().duedateLowerThan(Date.from(until)).list()) {
        CaseSummary process = byInstance.get(timer.getProcessInstanceId());
        if (process != null && timer.getDuedate() != null && !isTaskDeadline(timer, openTasks)) {
          add(days, timer.getDuedate(), new Dated(timer.getDuedate(), "Scheduled: " + labels.stepName(
              timer.getProcessInstanceId(), activityOf(timer)), process.caseReference(), null));
        }
      }
    }
    return days.entrySet().stream().map(day -> new CalendarDay(DAY.format(day.getKey()), day.getValue().stream()
        .sorted(Comparator.comparing(Dated::at)).map(dated -> new CalendarEntry(
            TIME.format(dated.at().toInstant().atZone(zone)), dated.what(), dated.caseReference(), dated.taskId()))
        .toList())).toList();
  }

  private record Dated(Date at, String what, String caseReference, String taskId) {}

  private void add(Map<LocalDate, List<Dated>> days, Date at, Dated dated) {
    days.computeIfAbsent(at.toInstant().atZone(zone).toLocalDate(), day -> new ArrayList<>()).add(dated);
  }

  /** A timer on a task (a deadline, reminder or escalation) runs in the task's execution: the task is listed already. */
  private static boolean isTaskDeadline(Job timer, List<Task> openTasks) {
    return openTasks.stream().anyMatch(task -> timer.getExecutionId() != null
        && timer.getExecutionId().equals(task.getExecutionId()));
  }

  private String activityOf(Job timer) {
    var definition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult();
    return definition == null ? null : definition.getActivityId();
  }

  private List<CaseLine> lateReports(List<CaseSummary> open) {
    return open.stream().filter(CaseSummary::reportedLate).map(process -> caseLine(process, "reported after the reporting window"))
        .toList();
  }

  private List<CaseLine> incidents(Map<String, CaseSummary> byInstance) {
    if (byInstance.isEmpty()) {
      return List.of();
    }
    List<CaseLine> lines = new ArrayList<>();
    for (Incident incident : runtime.createIncidentQuery().list()) {
      CaseSummary process = byInstance.get(incident.getProcessInstanceId());
      if (process != null) {
        lines.add(caseLine(process, "stopped at " + labels.stepName(incident.getProcessInstanceId(),
            incident.getActivityId()) + " (a technical fault: retry it in Cockpit)"));
      }
    }
    return lines;
  }

  private List<FoundChild> found(String search, Set<String> hidden) {
    List<FoundChild> found = new ArrayList<>();
    for (Child child : children.searchWithGrade(search)) {
      List<CaseSummary> all = caseFiles.ofChild(child.id());
      List<CaseSummary> visible = all.stream().filter(process -> !hidden.contains(process.caseReference())).toList();
      if (!all.isEmpty() && visible.isEmpty()) {
        continue; // every case of this child is about the person looking: no such child for them
      }
      Map<String, CaseSummary> byInstance = visible.stream().filter(CaseSummary::open)
          .collect(Collectors.toMap(CaseSummary::processInstanceId, Function.identity(), (a, b) -> a));
      List<TaskLine> openTasks = byInstance.isEmpty() ? List.of() : tasks.createTaskQuery()
          .processInstanceIdIn(byInstance.keySet().toArray(String[]::new)).orderByDueDate().asc().list().stream()
          .map(task -> line(task, byInstance)).toList();
      found.add(new FoundChild(child.id(), child.name(), child.grade(), child.studentId(),
          visible.stream().map(process -> caseLine(process, process.open() ? "open" : "closed")).toList(), openTasks));
    }
    return found;
  }

  private CaseLine caseLine(CaseSummary process, String detail) {
    return new CaseLine(process.caseReference(), labels.processName(process.processKey()),
        view.when(process.openedAt()), detail, process.processInstanceId());
  }

  private TaskLine line(Task task, Map<String, CaseSummary> byInstance) {
    CaseSummary process = byInstance.get(task.getProcessInstanceId());
    return new TaskLine(task.getDueDate() == null ? "" : view.when(task.getDueDate().toInstant()), task.getName(),
        labels.processName(process.processKey()), process.caseReference(), task.getId());
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
