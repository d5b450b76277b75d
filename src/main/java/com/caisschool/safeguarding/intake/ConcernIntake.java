package com.caisschool.safeguarding.intake;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.forms.RequiredFieldCheck;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step of every concern: refuses a report that lacks a required fact or holds an unknown
 * category or an unreadable date (nothing is started then), and otherwise gives it its case
 * reference and the late flag. What is required and allowed comes from the start form; the
 * reporting window and the time of the report come from the model.
 */
public class ConcernIntake implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ConcernIntake.class);
  static final String START_FORM = "report-safeguarding-concern";
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final FormDefinitions forms;
  private final ZoneId schoolZone;
  private final CaseReferences caseReferences;
  private final ReporterTypes reporterTypes;

  public ConcernIntake(FormDefinitions forms, ZoneId schoolZone, CaseReferences caseReferences,
      ReporterTypes reporterTypes) {
    this.forms = forms;
    this.schoolZone = schoolZone;
    this.caseReferences = caseReferences;
    this.reporterTypes = reporterTypes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<FormField> fields = forms.fields(execution.getProcessDefinitionId(), START_FORM);
    Map<String, Object> report = execution.getVariables();
    List<String> categories = ReportedCategories.read(report.get("categories"), field(fields, "categories"));
    report.put("categories", categories);
    RequiredFieldCheck.check(fields, report);
    reporterTypes.check((String) report.get("reporterType"),
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());

    Date reportedAt = (Date) execution.getVariable("reportedAt");
    Date aroseAt = ReportDates.parse(field(fields, "concernAroseAt"), report.get("concernAroseAt"), schoolZone);
    if (aroseAt.toInstant().isAfter(reportedAt.toInstant().plus(CLOCK_SKEW))) {
      throw new BadUserRequestException("'" + field(fields, "concernAroseAt").label()
          + "' (concernAroseAt) cannot be in the future");
    }
    Duration window = Duration.parse((String) execution.getVariable("reportingWindow"));
    boolean late = Duration.between(aroseAt.toInstant(), reportedAt.toInstant()).compareTo(window) > 0;

    String reference = caseReferences.next(reportedAt);
    execution.setProcessBusinessKey(reference);
    execution.setVariable("caseReference", reference);
    execution.setVariable("categories", String.join(",", categories));
    execution.setVariable("concernAroseAt", aroseAt);
    execution.setVariable("immediateDanger", Boolean.TRUE.equals(report.get("immediateDanger")));
    execution.setVariable("reportedLate", late);
    // The reference only: a log line never names the child or says what happened.
    log.info("Concern {} recorded{}", reference, late ? ", reported late" : "");
  }

  private static FormField field(List<FormField> fields, String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("The start form has no field " + key));
  }
}
