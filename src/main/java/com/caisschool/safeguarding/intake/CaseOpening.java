package com.caisschool.safeguarding.intake;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.RequiredFieldCheck;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * First step of a pathway started directly from its own start form (not through a concern): refuses
 * a report that lacks a fact the start form requires (nothing is started then), and gives the case
 * its reference as business key and {@code caseReference}. The start form's id
 * ({@code startForm}) and the time of the report ({@code reportedAt}) come from the model.
 */
public class CaseOpening implements JavaDelegate {

  private final FormDefinitions forms;
  private final CaseReferences caseReferences;

  public CaseOpening(FormDefinitions forms, CaseReferences caseReferences) {
    this.forms = forms;
    this.caseReferences = caseReferences;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String startForm = (String) execution.getVariable("startForm");
    RequiredFieldCheck.check(forms.fields(execution.getProcessDefinitionId(), startForm),
        execution.getVariables());
    String reference = caseReferences.next((Date) execution.getVariable("reportedAt"));
    execution.setProcessBusinessKey(reference);
    execution.setVariable("caseReference", reference);
  }
}
