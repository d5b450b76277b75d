package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.casefile.EntryText.answer;
import static com.caisschool.safeguarding.casefile.EntryText.text;

import com.caisschool.safeguarding.SafeguardingProperties;
import java.time.ZoneId;

import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.triage.TriageRules;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A report corrected at triage (its form's {@code correctReport} ticked): a correction entry that
 * points at the case's report entry and says who corrected it, when, why (the form's
 * {@code correctionReason}), and each corrected fact's old and new value. It is written as the task
 * completes, before the model applies the new values (see {@link TriageRules}).
 */
@Component
class ReportCorrectionRecording {

  private final ZoneId zone;
  private final Chronology chronology;
  private final TaskFormFields formFields;
  private final Actors actors;

  ReportCorrectionRecording(Chronology chronology, TaskFormFields formFields, Actors actors,
      SafeguardingProperties school) {
    this.zone = school.schoolTimeZone();
    this.chronology = chronology;
    this.formFields = formFields;
    this.actors = actors;
  }

  void taskCompleted(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(TriageRules.CORRECTION_FLAG))) {
      return;
    }
    DelegateExecution process = task.getExecution().getProcessInstance();
    List<String> changes = new ArrayList<>();
    for (FormField field : formFields.of(task)) {
      String variable = TriageRules.correctedVariable(field.key());
      if (variable != null) {
        changes.add(field.label() + ": " + answer(field, process.getVariable(variable), zone) + " → "
            + answer(field, task.getVariable(field.key()), zone));
      }
    }
    String reason = text(task.getVariable(TriageRules.CORRECTION_REASON));
    String reference = process.getProcessBusinessKey();
    Long reportEntry = chronology.ofCase(reference).stream().filter(entry -> entry.kind() == EntryKind.REPORT)
        .map(ChronologyEntry::id).findFirst().orElse(null);
    chronology.append(new ChronologyEntry(0, reference, task.getProcessInstanceId(), EngineTime.now(),
        actors.current(task.getAssignee()), EntryKind.CORRECTION, task.getTaskDefinitionKey(),
        "Report corrected at triage", String.join("\n", changes), reason.isBlank() ? null : reason, reportEntry));
  }
}
