package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.security.SystemAccess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The campus safety audit's actions ({@code ${auditActions.lines(auditActionLines)}}): the CPO writes
 * one action per line, "what; owner's user id; due date" (the date may be left out: then the
 * configured {@code actionDeadline} from today). Each line becomes a task for its owner, with a
 * reminder and an alert when it is overdue, until every action is done.
 */
@Component("auditActions")
public class AuditActions {

  static final String FIELD = "auditActionLines";

  private final ZoneId schoolTimeZone;

  @Autowired
  public AuditActions(SafeguardingProperties school) {
    this(school.schoolTimeZone());
  }

  public AuditActions(ZoneId schoolTimeZone) {
    this.schoolTimeZone = schoolTimeZone;
  }

  /** On completing the audit: every line names an action and a known user, and a date not in the past. */
  public void check(DelegateTask task) {
    List<String> lines = lines((String) task.getVariable(FIELD));
    var identities = task.getProcessEngineServices().getIdentityService();
    LocalDate today = today();
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = parts(lines.get(i));
      String problem = null;
      if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
        problem = "write it as: what; owner's user id; due date (YYYY-MM-DD, optional)";
      } else if (SystemAccess.run(identities, () -> identities.createUserQuery().userId(parts[1]).count()) == 0) {
        problem = "the owner is not a user of this application";
      } else if (parts.length == 3 && !isDateFrom(parts[2], today)) {
        problem = "the due date must be a date from today on, such as 2026-11-30";
      }
      if (problem != null) {
        throw new BadUserRequestException("'Actions, owners and due dates' (" + FIELD + "), line " + (i + 1) + ": "
            + problem);
      }
    }
    task.getExecution().setVariable("auditActionCount", lines.size());
  }

  /** The action lines, blank lines left out. */
  public List<String> lines(String text) {
    return text == null ? List.of() : text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
  }

  public String action(String line) {
    return parts(line)[0];
  }

  public String owner(String line) {
    return parts(line)[1];
  }

  /** The start of the action's due day at the school, or today plus the default deadline. */
  public Date dueOn(String line, String defaultDeadline) {
    String[] parts = parts(line);
    LocalDate due = parts.length == 3 ? LocalDate.parse(parts[2]) : today().plus(DutyDates.amount(defaultDeadline));
    return Date.from(due.atStartOfDay(schoolTimeZone).toInstant());
  }

  /** The reminder: the given lead time before the due day, but not before now. */
  public Date remindOn(String line, String defaultDeadline, String leadTime) {
    Date reminder = Date.from(dueOn(line, defaultDeadline).toInstant().atZone(schoolTimeZone)
        .minus(DutyDates.amount(leadTime)).toInstant());
    Date now = ClockUtil.getCurrentTime();
    return reminder.before(now) ? now : reminder;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), schoolTimeZone);
  }

  private static String[] parts(String line) {
    return Arrays.stream(line.split(";", -1)).map(String::trim).toArray(String[]::new);
  }

  private static boolean isDateFrom(String text, LocalDate today) {
    try {
      return !LocalDate.parse(text).isBefore(today);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
