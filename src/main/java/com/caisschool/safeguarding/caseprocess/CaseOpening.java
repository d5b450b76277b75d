package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.forms.StartFormCheck;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a case, as the last thing its start event does, whichever start event it is (after the
 * school's deadlines for the process were copied in by {@link ProcessDefaults}):
 * <ol>
 *   <li>a report made through the start form is checked against that form (required facts,
 *       allowed choices, dates; see {@link StartFormCheck}) and against who may say who reported
 *       ({@link ReporterTypes}); a refused report starts nothing;</li>
 *   <li>the 24-hour rule: a report made more than {@code reportingWindow} (configuration) after
 *       {@code concernAroseAt} is flagged {@code reportedLate}, never refused;</li>
 *   <li>the case gets its reference as business key and {@code caseReference}, unless it came
 *       from another case under that case's reference.</li>
 * </ol>
 * A start event without a form of its own (a message from another case) checks the report against
 * the form its {@code startForm} property names, or not at all when it names none.
 */
final class CaseOpening implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(CaseOpening.class);

  private final Supplier<FormDefinitions> forms;
  private final ZoneId schoolZone;
  private final CaseReferences references;
  private final ReporterTypes reporterTypes;

  CaseOpening(Supplier<FormDefinitions> forms, ZoneId schoolZone, ReporterTypes reporterTypes) {
    this.forms = forms;
    this.schoolZone = schoolZone;
    this.references = new CaseReferences(schoolZone);
    this.reporterTypes = reporterTypes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Date reportedAt = ClockUtil.getCurrentTime();
    if (!execution.hasVariable("reportedAt")) {
      execution.setVariable("reportedAt", reportedAt);
    }
    String startForm = CaseDeclaration.startFormOf((StartEvent) execution.getBpmnModelElementInstance());
    if (startForm != null) {
      List<FormField> fields = forms.get().fields(execution.getProcessDefinitionId(), startForm);
      // Only what the check changed is written again: an unchanged value would cost a history row
      // and, for text, an encryption, and record nothing new (issue 25).
      StartFormCheck.check(fields, execution.getVariables(), schoolZone, reportedAt).forEach((name, value) -> {
        if (!execution.hasVariable(name) || !Objects.equals(value, execution.getVariable(name))) {
          execution.setVariable(name, value);
        }
      });
      reporterTypes.check((String) execution.getVariable("reporterType"),
          execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
    }
    Process process = CaseDeclaration.processOf(execution);
    boolean late = reportedLate(execution, reportedAt);
    execution.setVariable("reportedLate", late);

    String reference = execution.getProcessBusinessKey();
    if (reference == null || reference.isBlank()) {
      reference = references.next(reportedAt);
      execution.setProcessBusinessKey(reference);
    }
    execution.setVariable("caseReference", reference);
    // The reference only: a log line never names the child or says what happened.
    log.info("Case {} opened in {}{}", reference, process.getId(), late ? ", reported late" : "");
  }

  private static boolean reportedLate(DelegateExecution execution, Date reportedAt) {
    Object window = execution.getVariable("reportingWindow");
    Object aroseAt = execution.getVariable("concernAroseAt");
    return window instanceof String duration && aroseAt instanceof Date arose
        && Duration.between(arose.toInstant(), reportedAt.toInstant()).compareTo(Duration.parse(duration)) > 0;
  }
}
