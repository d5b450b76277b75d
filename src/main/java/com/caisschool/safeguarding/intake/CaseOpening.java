package com.caisschool.safeguarding.intake;

import com.caisschool.safeguarding.casework.CaseReferenceAssignment;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.RequiredFieldCheck;
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
  private final CaseReferenceAssignment caseReference;

  public CaseOpening(FormDefinitions forms, CaseReferenceAssignment caseReference) {
    this.forms = forms;
    this.caseReference = caseReference;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String startForm = (String) execution.getVariable("startForm");
    RequiredFieldCheck.check(forms.fields(execution.getProcessDefinitionId(), startForm),
        execution.getVariables());
    caseReference.execute(execution);
  }
}
