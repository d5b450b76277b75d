package com.caisschool.safeguarding.bullying;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.intake.CaseReferences;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * First step of the anti-bullying procedure ({@code ${assignCaseReference}}): a report made
 * directly in Tasklist gets a case reference of the same kind as every concern (such as
 * {@code SC-2026-K7QM4T}) as its business key, so that notifications and the case file can name
 * it without the child's name. A report routed from a concern keeps the concern's reference.
 */
@Component("assignCaseReference")
public class CaseReferenceAssignment implements JavaDelegate {

  private final CaseReferences references;

  @Autowired
  CaseReferenceAssignment(SafeguardingProperties properties) {
    this(properties.schoolTimeZone());
  }

  public CaseReferenceAssignment(ZoneId schoolZone) {
    this.references = new CaseReferences(schoolZone);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    if (reference == null || reference.isBlank()) {
      reference = references.next((Date) execution.getVariable("reportedAt"));
      execution.setProcessBusinessKey(reference);
    }
    execution.setVariable("caseReference", reference);
  }
}
