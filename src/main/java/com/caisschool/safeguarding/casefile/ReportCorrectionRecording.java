package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.casefile.EntryText.answer;
import static com.caisschool.safeguarding.casefile.EntryText.text;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.security.SubjectCorrection;
import com.caisschool.safeguarding.triage.TriageRules;
import java.time.ZoneId;
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
  private final SubjectCorrection subjectCorrection;

  ReportCorrectionRecording(Chronology chronology, TaskFormFields formFields, Actors actors,
      SubjectCorrection subjectCorrection, SafeguardingProperties school) {
    this.subjectCorrection = subjectCorrection;
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
    String reference = process.getProcessBusinessKey();
    for (FormField field : formFields.of(task)) {
      String variable = TriageRules.correctedVariable(field.key());
      String corrected = text(task.getVariable(field.key()));
      if (variable == null || corrected.isBlank() && !field.required()) {
        continue;
      }
      if (variable.equals(subjectCorrection.userVariable())) {
        // Who the case is about: the wall moves to the person now named, away from the one before.
        Object before = process.getVariable(variable);
        corrected = subjectCorrection.correct(reference, task.getProcessInstanceId(),
            before instanceof String previous && !previous.isBlank() ? previous : null, corrected);
        changes.add(field.label() + ": " + text(before) + " → " + corrected);
        process.setVariable(variable, corrected);
        continue;
      }
      changes.add(field.label() + ": " + answer(field, process.getVariable(variable), zone) + " → "
          + answer(field, task.getVariable(field.key()), zone));
    }
    String reason = text(task.getVariable(TriageRules.CORRECTION_REASON));
    Long reportEntry = chronology.ofCase(reference).stream().filter(entry -> entry.kind() == EntryKind.REPORT)
        .map(ChronologyEntry::id).findFirst().orElse(null);
    chronology.append(new ChronologyEntry(0, reference, task.getProcessInstanceId(), EngineTime.now(),
        actors.current(task.getAssignee()), EntryKind.CORRECTION, task.getTaskDefinitionKey(),
        "Report corrected at triage", String.join("\n", changes), reason.isBlank() ? null : reason, reportEntry));
  }
}
