package com.caisschool.safeguarding.casework;

import com.caisschool.safeguarding.intake.CaseReferences;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step of a pathway ({@code ${assignCaseReference}}): a report made directly in Tasklist gets a case reference of the same kind as every concern (such as
 * {@code SC-2026-K7QM4T}) as its business key, so that notifications and the case file can name
 * it without the child's name. A report routed from a concern keeps the concern's reference.
 */
public class CaseReferenceAssignment implements JavaDelegate, ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(CaseReferenceAssignment.class);

  private final CaseReferences references;

  public CaseReferenceAssignment(ZoneId schoolZone) {
    this.references = new CaseReferences(schoolZone);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    if (reference == null || reference.isBlank()) {
      Date reportedAt = (Date) execution.getVariable("reportedAt");
      reference = references.next(reportedAt != null ? reportedAt : new Date());
      execution.setProcessBusinessKey(reference);
      log.info("Case {} opened in {}", reference, execution.getProcessDefinitionId());
    }
    execution.setVariable("caseReference", reference);
  }

  /** Also usable as an execution listener, on a start event. */
  @Override
  public void notify(DelegateExecution execution) {
    execute(execution);
  }
}
