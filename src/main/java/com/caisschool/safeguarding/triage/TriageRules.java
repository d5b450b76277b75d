package com.caisschool.safeguarding.triage;

import com.caisschool.safeguarding.forms.ChecklistValues;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * On completion of a triage task (the model names it: {@code camunda:taskListener ${triageRules}}),
 * whoever completes it (Tasklist or the REST API):
 * <ul>
 *   <li>records who triaged ({@code triagedBy}), so that a closure is signed off by someone else;</li>
 *   <li>checks a correction of the report: with {@value #CORRECTION_FLAG} ticked, every form field
 *       {@code corrected<Name>} (which corrects the case's {@code <name>}) and the reason are given,
 *       with choices the form offers (a checklist is kept as comma-separated codes, as the decision
 *       tables read it); {@code reportCorrected} then sends the model, which applies the new values
 *       once the case file has recorded the old and new ones, through the priority and pathway
 *       decisions again;</li>
 *   <li>refuses a triage that closes a concern which decision {@value #CLOSURE_DECISION} does not let
 *       triage close, on the corrected facts, with a message naming the rule. The model routes by
 *       the same table, so a closure it forbids reaches the Case Study Team either way.</li>
 * </ul>
 */
public class TriageRules implements TaskListener {

  /** The triage form's checkbox that says the report is being corrected. */
  public static final String CORRECTION_FLAG = "correctReport";
  /** A triage form field named so corrects the case variable named by the rest of its key. */
  public static final String CORRECTED_PREFIX = "corrected";
  /** The triage form field that says why the report is corrected. */
  public static final String CORRECTION_REASON = "correctionReason";
  static final String CLOSURE_DECISION = "triage-closure";
  private static final String PRIORITY_DECISION = "concern-priority";

  private final Supplier<FormDefinitions> forms;

  public TriageRules(Supplier<FormDefinitions> forms) {
    this.forms = forms;
  }

  /** The case variable a {@code corrected<Name>} field corrects, or null for any other field. */
  public static String correctedVariable(String fieldKey) {
    if (!fieldKey.startsWith(CORRECTED_PREFIX) || fieldKey.length() == CORRECTED_PREFIX.length()) {
      return null;
    }
    String name = fieldKey.substring(CORRECTED_PREFIX.length());
    return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution process = task.getExecution().getProcessInstance();
    process.setVariable("triagedBy", ActingPerson.of(task));
    boolean correcting = Boolean.TRUE.equals(task.getVariable(CORRECTION_FLAG));
    Map<String, Object> facts = new HashMap<>();
    for (String fact : List.of("immediateDanger", "categories", "concernAbout")) {
      facts.put(fact, process.getVariable(fact));
    }
    if (correcting) {
      Map<String, Object> corrected = checkedCorrection(task);
      corrected.forEach((field, value) -> {
        process.setVariable(field, value);
        facts.put(correctedVariable(field), value);
      });
    }
    process.setVariable("reportCorrected", correcting);
    if ("close".equals(task.getVariable("triageDecision"))) {
      refuseAForbiddenClosure(task, process, facts);
    }
  }

  /** The corrected fields, by field key, as the model reads them. */
  private Map<String, Object> checkedCorrection(DelegateTask task) {
    String formRef = task.getBpmnModelElementInstance().getCamundaFormRef();
    List<FormField> fields = forms.get().fields(task.getProcessDefinitionId(), formRef);
    Object reason = task.getVariable(CORRECTION_REASON);
    if (!(reason instanceof String written) || written.isBlank()) {
      throw new BadUserRequestException("A correction of the report needs its reason (" + CORRECTION_REASON + ")");
    }
    Map<String, Object> corrected = new HashMap<>();
    for (FormField field : fields) {
      String variable = correctedVariable(field.key());
      if (variable == null) {
        continue;
      }
      Object value = task.getVariable(field.key());
      switch (field.type()) {
        case "checklist" -> {
          List<String> choices = ChecklistValues.read(value, field);
          if (choices.isEmpty()) {
            throw new BadUserRequestException("Required with a correction: '" + field.label() + "' (" + field.key() + ")");
          }
          corrected.put(field.key(), String.join(",", choices));
        }
        case "checkbox" -> corrected.put(field.key(), Boolean.TRUE.equals(value));
        default -> {
          boolean blank = value == null || value instanceof String text && text.isBlank();
          if (blank && !field.required()) {
            continue; // an optional correction left empty: that fact stays as reported
          }
          if (blank) {
            throw new BadUserRequestException("Required with a correction: '" + field.label() + "' (" + field.key() + ")");
          }
          corrected.put(field.key(), value);
        }
      }
    }
    return corrected;
  }

  /** On the facts as corrected: the priority they give, then whether triage may close. */
  private static void refuseAForbiddenClosure(DelegateTask task, DelegateExecution process, Map<String, Object> facts) {
    Object priority = TriageDecisions.evaluate(task, PRIORITY_DECISION, facts).get("priority");
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("immediateDanger", facts.get("immediateDanger"));
    inputs.put("priority", priority);
    inputs.put("authorityReportDue", task.getVariable("authorityReportDue"));
    inputs.put("authoritiesToldNow", process.getVariable("authoritiesToldNow"));
    DmnDecisionResultEntries closure = TriageDecisions.evaluate(task, CLOSURE_DECISION, inputs);
    if (!Boolean.TRUE.equals(closure.get("closeAllowed"))) {
      throw new BadUserRequestException("Triage cannot close this concern (decision " + CLOSURE_DECISION + "): "
          + closure.get("closeRule"));
    }
  }
}
