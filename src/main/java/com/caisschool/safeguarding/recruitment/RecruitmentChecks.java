package com.caisschool.safeguarding.recruitment;

import com.caisschool.safeguarding.SafeguardingProperties;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Task listeners of the safer-recruitment model ({@code ${recruitmentChecks.recorded(task, 'identity')}}):
 * each check records who completed it and when, and a risk assessment the Head signs must say what
 * is done meanwhile and end within the configured longest time ({@code riskAssessmentMaxLength}).
 */
@Component("recruitmentChecks")
public class RecruitmentChecks {

  static final String START_UNDER_RISK_ASSESSMENT = "start-under-risk-assessment";
  static final String EXTEND = "extend";

  private final ZoneId schoolTimeZone;

  @Autowired
  public RecruitmentChecks(SafeguardingProperties school) {
    this(school.schoolTimeZone());
  }

  public RecruitmentChecks(ZoneId schoolTimeZone) {
    this.schoolTimeZone = schoolTimeZone;
  }

  /** Sets {@code <check>CheckedBy} (the person completing the task) and {@code <check>CheckedAt}. */
  public void recorded(DelegateTask task, String check) {
    task.getExecution().setVariable(check + "CheckedBy", whoCompletes(task));
    task.getExecution().setVariable(check + "CheckedAt", ClockUtil.getCurrentTime());
  }

  /** Refuses a signed risk assessment without measures, or without an end date from tomorrow up to the longest allowed. */
  public void riskAssessmentSigned(DelegateTask task) {
    Object decision = task.getVariable("riskAssessmentDecision");
    if (!START_UNDER_RISK_ASSESSMENT.equals(decision) && !EXTEND.equals(decision)) {
      return;
    }
    Object measures = task.getVariable("riskAssessmentMeasures");
    if (measures == null || measures.toString().isBlank()) {
      throw new BadUserRequestException(
          "Required field missing: 'Risk assessment: measures' (riskAssessmentMeasures)");
    }
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), schoolTimeZone);
    LocalDate expires = date(task.getVariable("riskAssessmentExpiresOn"));
    Period longest = Period.parse((String) task.getVariable("riskAssessmentMaxLength"));
    if (!expires.isAfter(today) || expires.isAfter(today.plus(longest))) {
      throw new BadUserRequestException("'Risk assessment valid until' (riskAssessmentExpiresOn) must be after today"
          + " and at most " + longest + " from today");
    }
    task.getExecution().setVariable("riskAssessmentSignedBy", whoCompletes(task));
    task.getExecution().setVariable("riskAssessmentSignedAt", ClockUtil.getCurrentTime());
  }

  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new BadUserRequestException(
          "Required field missing: 'Risk assessment valid until' (riskAssessmentExpiresOn)");
    }
    String text = value instanceof Date date ? date.toInstant().toString() : value.toString();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(
          "'Risk assessment valid until' (riskAssessmentExpiresOn) must be a date such as 2026-09-30");
    }
  }

  private static String whoCompletes(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      return user.getUserId();
    }
    return task.getAssignee() == null ? "unknown" : task.getAssignee();
  }
}
