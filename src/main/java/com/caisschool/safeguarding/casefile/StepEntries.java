package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.casefile.EntryText.recorded;
import static com.caisschool.safeguarding.casefile.EntryText.text;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.forms.FormContract;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.labels.Labels;
import java.time.ZoneId;
import com.caisschool.safeguarding.notification.Notification;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The chronology entries of a case's steps: a task completed (with what was recorded and the
 * reason for a decision; a contact with the authorities as such), a deadline passed, an alert sent.
 */
@Component
class StepEntries {

  private final Chronology chronology;
  private final TaskFormFields formFields;
  private final Actors actors;
  private final CaseFileProperties rules;
  private final Labels labels;
  private final ZoneId zone;

  StepEntries(Chronology chronology, TaskFormFields formFields, Actors actors, CaseFileProperties rules,
      Labels labels, SafeguardingProperties school) {
    this.labels = labels;
    this.zone = school.schoolTimeZone();
    this.chronology = chronology;
    this.formFields = formFields;
    this.actors = actors;
    this.rules = rules;
  }

  void taskCompleted(DelegateTask task) {
    List<FormField> fields = formFields.of(task);
    // The form's own fields only: a step does not decrypt every fact of the case (issue 25).
    Map<String, Object> values = FormContract.valuesOf(task, fields.stream().map(FormField::key).toList());
    String reason = fields.stream().filter(this::holdsAReason).map(field -> text(values.get(field.key())))
        .filter(text -> !text.isBlank()).collect(Collectors.joining("\n"));
    String formRef = task.getBpmnModelElementInstance() == null ? null
        : task.getBpmnModelElementInstance().getCamundaFormRef();
    EntryKind kind = formRef != null && rules.authorityContactForms().contains(formRef) ? EntryKind.AUTHORITY_CONTACT
        : reason.isEmpty() ? EntryKind.TASK_COMPLETED : EntryKind.DECISION;
    chronology.append(ChronologyEntry.of(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
        EngineTime.now(), actors.current(task.getAssignee()), kind, task.getTaskDefinitionKey(), task.getName(),
        recorded(fields, values, zone), reason.isEmpty() ? null : reason));
  }


  /** True for the end of a timer event: a deadline passed (on a boundary: an escalation). */
  static boolean passesATimer(DelegateExecution execution) {
    ModelElementInstance element = execution.getBpmnModelElementInstance();
    return "end".equals(execution.getEventName())
        && (element instanceof BoundaryEvent || element instanceof IntermediateCatchEvent)
        && !((CatchEvent) element).getChildElementsByType(TimerEventDefinition.class).isEmpty();
  }

  void timerPassed(DelegateExecution execution) {
    FlowElement timer = (FlowElement) execution.getBpmnModelElementInstance();
    chronology.append(ChronologyEntry.of(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        EngineTime.now(), Actors.SYSTEM, timer instanceof BoundaryEvent ? EntryKind.ESCALATION : EntryKind.TIMER,
        timer.getId(), timer.getName(), null, null));
  }

  void notified(Notification notification) {
    chronology.append(ChronologyEntry.of(notification.caseReference(), notification.processInstanceId(),
        EngineTime.now(), Actors.SYSTEM, EntryKind.NOTIFICATION, notification.activityId(), null,
        "Alert \u201c" + labels.alert(notification.kind()) + "\u201d sent to " + labels.roles(notification.recipientGroups()),
        null));
  }

  private boolean holdsAReason(FormField field) {
    return rules.reasonFieldSuffixes().stream().anyMatch(suffix -> field.key().endsWith(suffix));
  }
}
