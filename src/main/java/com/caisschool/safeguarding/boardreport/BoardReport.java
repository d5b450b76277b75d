package com.caisschool.safeguarding.boardreport;

import com.caisschool.safeguarding.duties.DutiesProperties;
import com.caisschool.safeguarding.security.SystemAccess;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import com.caisschool.safeguarding.labels.Labels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The board's annual safeguarding figures for one calendar year, from the case files and the
 * engine's history: counts only, never a name, a reference or a fact, and every small count
 * suppressed ({@link SmallCounts}). Nothing here is per child or per case.
 */
@Component
public class BoardReport {

  static final String CONCERNS = "Concerns by category";
  static final String CHANNELS = "Concerns by who reported";
  static final String DEADLINES = "Reports and deadlines";
  static final String ACTIONS = "Courses of action and escalations";
  static final String OPEN_CASES = "Open cases by age";
  static final String DUTIES = "Training and policy";
  static final String RECRUITMENT_AND_TRIPS = "Safer recruitment, trips and campus safety";

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identities;
  private final ZoneId schoolTimeZone;
  private final SmallCounts smallCounts;
  private final Labels labels;

  BoardReport(JdbcTemplate jdbc, HistoryService history, RuntimeService runtime, IdentityService identities,
      com.caisschool.safeguarding.SafeguardingProperties school, DutiesProperties duties, Labels labels) {
    this.labels = labels;
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
    this.identities = identities;
    this.schoolTimeZone = school.schoolTimeZone();
    this.smallCounts = new SmallCounts(duties.smallCountThreshold());
  }

  public int currentYear() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), schoolTimeZone).getYear();
  }

  public List<Cell> figures(int year) {
    return SystemAccess.run(identities, () -> {
      Instant from = LocalDate.of(year, 1, 1).atStartOfDay(schoolTimeZone).toInstant();
      Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(schoolTimeZone).toInstant();
      List<Cell> cells = new ArrayList<>();
      List<Map<String, Object>> concerns = jdbc.queryForList("select process_instance_id, categories, reported_late"
          + " from case_file where process_key = 'safeguarding-concern' and opened_at >= ? and opened_at < ?",
          Timestamp.from(from), Timestamp.from(to));
      List<String> concernIds = concerns.stream().map(row -> (String) row.get("process_instance_id")).toList();
      // Labels as the forms give them (issue 23), never the codes.
      counted(CONCERNS, concerns.stream().flatMap(row -> split(row.get("categories")).stream())
          .map(code -> labels.option("categories", code)).toList(), cells);
      counted(CHANNELS, reporterTypes(concernIds).stream().map(code -> labels.option("reporterType", code)).toList(),
          cells);
      long late = concerns.stream().filter(row -> Boolean.TRUE.equals(row.get("reported_late"))).count();
      cells.add(smallCounts.count(DEADLINES, "Concerns reported", concerns.size()));
      cells.add(smallCounts.count(DEADLINES, "Reported more than 24 hours late", late));
      cells.add(withinDeadline("Triage within its deadline", concernIds, "user_task_cpo_triage", "user_task_dcpo_triage"));
      cells.add(withinDeadline("Case Study Team decision within its deadline", concernIds, "user_task_case_study_team"));
      counted(ACTIONS, jdbc.queryForList("select course_of_action from case_file where course_of_action is not null"
          + " and opened_at >= ? and opened_at < ?", String.class, Timestamp.from(from), Timestamp.from(to)).stream()
          .map(course -> "Course of action: " + labels.option("courseOfAction", course)).toList(), cells);
      cells.add(smallCounts.count(ACTIONS, "Escalations (deadlines passed)", chronologyCount("ESCALATION", from, to)));
      cells.add(smallCounts.count(ACTIONS, "Reports to the authorities", chronologyCount("AUTHORITY_CONTACT", from, to)));
      openCasesByAge(cells);
      cells.add(trainingCompliance());
      cells.add(policyAcknowledgement(year));
      recruitmentTripsAndAudit(from, to, cells);
      return cells;
    });
  }

  private void counted(String section, List<String> labels, List<Cell> cells) {
    Map<String, Long> counts = labels.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
        Collectors.counting()));
    counts.forEach((label, count) -> cells.add(smallCounts.count(section, label, count)));
    if (counts.isEmpty()) {
      cells.add(smallCounts.count(section, "None recorded", 0));
    }
  }

  private List<String> reporterTypes(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return history.createHistoricVariableInstanceQuery().variableName("reporterType")
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list().stream()
        .map(variable -> String.valueOf(variable.getValue())).toList();
  }

  private Cell withinDeadline(String label, List<String> processInstanceIds, String... taskKeys) {
    if (processInstanceIds.isEmpty()) {
      return smallCounts.share(DEADLINES, label, 0, 0);
    }
    var ofTheYear = java.util.Set.copyOf(processInstanceIds);
    List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().finished()
        .processDefinitionKey("safeguarding-concern").taskDefinitionKeyIn(taskKeys).list().stream()
        .filter(task -> ofTheYear.contains(task.getProcessInstanceId())).toList();
    long within = done.stream().filter(task -> task.getDueDate() == null || !task.getEndTime().after(task.getDueDate()))
        .count();
    return smallCounts.share(DEADLINES, label, within, done.size());
  }

  private long chronologyCount(String kind, Instant from, Instant to) {
    return jdbc.queryForObject("select count(*) from chronology_entry where kind = ? and occurred_at >= ?"
        + " and occurred_at < ?", Long.class, kind, Timestamp.from(from), Timestamp.from(to));
  }

  private void openCasesByAge(List<Cell> cells) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Instant> opened = jdbc.queryForList("select opened_at from case_file where closed_at is null", Timestamp.class)
        .stream().map(Timestamp::toInstant).toList();
    long young = opened.stream().filter(at -> Duration.between(at, now).toDays() < 30).count();
    long middle = opened.stream().filter(at -> Duration.between(at, now).toDays() >= 30
        && Duration.between(at, now).toDays() < 90).count();
    cells.add(smallCounts.count(OPEN_CASES, "Open less than 30 days", young));
    cells.add(smallCounts.count(OPEN_CASES, "Open 30 to 89 days", middle));
    cells.add(smallCounts.count(OPEN_CASES, "Open 90 days or more", opened.size() - young - middle));
  }

  /** Staff whose training record holds a certificate that has not expired, of all running records. */
  private Cell trainingCompliance() {
    String today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), schoolTimeZone).toString();
    var records = runtime.createVariableInstanceQuery().variableName("staffMember").list().stream()
        .filter(variable -> isOf("staff-training", variable.getProcessDefinitionId()))
        .map(variable -> variable.getProcessInstanceId()).toList();
    long current = records.stream().map(id -> runtime.getVariable(id, "expiresOn"))
        .filter(expires -> expires != null && expires.toString().compareTo(today) >= 0).count();
    return smallCounts.share(DUTIES, "Staff with current safeguarding training", current, records.size());
  }

  /** Confirmations of the policy published in the year, of the staff asked. */
  private Cell policyAcknowledgement(int year) {
    List<HistoricTaskInstance> asked = history.createHistoricTaskInstanceQuery().processDefinitionKey("policy-review")
        .taskDefinitionKey("user_task_acknowledge_policy").list().stream()
        .filter(task -> LocalDate.ofInstant(task.getStartTime().toInstant(), schoolTimeZone).getYear() == year).toList();
    long confirmed = asked.stream().filter(task -> task.getEndTime() != null && "completed".equals(task.getDeleteReason()))
        .count();
    return smallCounts.share(DUTIES, "Staff who confirmed they read the updated policy", confirmed, asked.size());
  }

  /** Counts of the year's recruitments, trips and campus safety actions: never a name or a trip. */
  private void recruitmentTripsAndAudit(Instant from, Instant to, List<Cell> cells) {
    List<String> recruitments = startedIn("safer-recruitment", from, to);
    cells.add(smallCounts.count(RECRUITMENT_AND_TRIPS, "Adults recruited (records opened)", recruitments.size()));
    cells.add(smallCounts.count(RECRUITMENT_AND_TRIPS, "Started under the Head's risk assessment",
        withVariable(recruitments, "riskAssessmentSignedBy", null)));
    List<String> trips = startedIn("school-trip", from, to);
    cells.add(smallCounts.count(RECRUITMENT_AND_TRIPS, "School trips registered", trips.size()));
    cells.add(doneByDueDate("Trip approvals decided by their deadline", "school-trip", "user_task_approve_trip", from, to));
    cells.add(smallCounts.count(RECRUITMENT_AND_TRIPS, "Safeguarding concerns raised after a trip",
        withVariable(trips, "safeguardingConcern", "yes")));
    cells.add(doneByDueDate("Campus safety actions done by their due date", "campus-safety-audit",
        "user_task_complete_audit_action", from, to));
  }

  private List<String> startedIn(String processKey, Instant from, Instant to) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .startedAfter(Date.from(from.minusMillis(1))).startedBefore(Date.from(to)).list().stream()
        .map(instance -> instance.getId()).toList();
  }

  /** How many of the instances hold the variable (with the value, when one is given). */
  private long withVariable(List<String> processInstanceIds, String name, String value) {
    if (processInstanceIds.isEmpty()) {
      return 0;
    }
    return history.createHistoricVariableInstanceQuery().variableName(name)
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list().stream()
        .filter(variable -> variable.getValue() != null && (value == null || value.equals(variable.getValue())))
        .map(variable -> variable.getProcessInstanceId()).distinct().count();
  }

  private Cell doneByDueDate(String label, String processKey, String taskKey, Instant from, Instant to) {
    List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().finished().processDefinitionKey(processKey)
        .taskDefinitionKey(taskKey).startedAfter(Date.from(from.minusMillis(1))).startedBefore(Date.from(to)).list()
        .stream().filter(task -> "completed".equals(task.getDeleteReason())).toList();
    long onTime = done.stream().filter(task -> task.getDueDate() == null || !task.getEndTime().after(task.getDueDate()))
        .count();
    return smallCounts.share(RECRUITMENT_AND_TRIPS, label, onTime, done.size());
  }

  private static boolean isOf(String processKey, String processDefinitionId) {
    return processDefinitionId != null && processDefinitionId.startsWith(processKey + ":");
  }

  private static List<String> split(Object categories) {
    return categories == null ? List.of() : Arrays.stream(categories.toString().split(","))
        .map(String::trim).filter(category -> !category.isEmpty()).toList();
  }
}
