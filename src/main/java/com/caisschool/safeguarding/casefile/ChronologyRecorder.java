package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.notification.Notification;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the chronology as the cases move, from the engine's event bridge (every process, every
 * step; an edited model cannot drop it) and from the notification log: a case opened, each task
 * completed with what was recorded and the reason for a decision, each deadline passed, each alert,
 * each closure. Everything runs inside the engine's transaction, so an entry is written exactly
 * once, when its step commits, and never for a step that was rolled back.
 */
@Component
class ChronologyRecorder {

  private static final String SYSTEM = "system";

  private final Chronology chronology;
  private final CaseFiles caseFiles;
  private final Children children;
  private final FormDefinitions forms;
  private final IdentityService identityService;
  private final CaseFileProperties rules;

  ChronologyRecorder(Chronology chronology, CaseFiles caseFiles, Children children, FormDefinitions forms,
      IdentityService identityService, CaseFileProperties rules) {
    this.chronology = chronology;
    this.caseFiles = caseFiles;
    this.children = children;
    this.forms = forms;
    this.identityService = identityService;
    this.rules = rules;
  }

  @EventListener
  public void onExecution(DelegateExecution execution) {
    ModelElementInstance element = execution.getBpmnModelElementInstance();
    String reference = execution.getProcessBusinessKey();
    if (reference == null) {
      return; // not yet reported: the reference is given by the first step, which opens the file
    }
    openIfNew(execution);
    if (endsTheProcess(execution) && notesOfThisTransaction().closed.add(execution.getProcessInstanceId())) {
      Instant now = EngineTime.now();
      caseFiles.closed(execution.getProcessInstanceId(), now);
      chronology.append(ChronologyEntry.of(reference, execution.getProcessInstanceId(), now, actor(null),
          EntryKind.CLOSURE, processKey(execution), null,
          execution.isCanceled() ? "Cancelled before its end" : "Completed", null));
    } else if ("end".equals(execution.getEventName()) && isTimer(element)) {
      FlowElement timer = (FlowElement) element;
      chronology.append(ChronologyEntry.of(reference, execution.getProcessInstanceId(), EngineTime.now(), SYSTEM,
          element instanceof BoundaryEvent ? EntryKind.ESCALATION : EntryKind.TIMER, timer.getId(), timer.getName(),
          null, null));
    }
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void onTaskCompleted(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null || execution.getProcessBusinessKey() == null) {
      return;
    }
    openIfNew(execution);
    UserTask userTask = task.getBpmnModelElementInstance();
    List<FormField> fields = userTask == null || userTask.getCamundaFormRef() == null ? List.of()
        : forms.fields(task.getProcessDefinitionId(), userTask.getCamundaFormRef());
    Map<String, Object> values = task.getVariables();
    String reason = fields.stream().filter(this::holdsAReason).map(field -> text(values.get(field.key())))
        .filter(text -> !text.isBlank()).collect(Collectors.joining("\n"));
    EntryKind kind = userTask != null && rules.authorityContactForms().contains(userTask.getCamundaFormRef())
        ? EntryKind.AUTHORITY_CONTACT : reason.isEmpty() ? EntryKind.TASK_COMPLETED : EntryKind.DECISION;
    chronology.append(ChronologyEntry.of(execution.getProcessBusinessKey(), task.getProcessInstanceId(),
        EngineTime.now(), actor(task.getAssignee()), kind, task.getTaskDefinitionKey(), task.getName(),
        recorded(fields, values), reason.isEmpty() ? null : reason));
    fields.stream().filter(field -> field.key().equals(rules.courseOfActionField())).findFirst()
        .map(field -> values.get(field.key()))
        .ifPresent(course -> caseFiles.courseOfAction(task.getProcessInstanceId(), text(course)));
  }

  @EventListener
  public void onNotification(Notification notification) {
    if (!caseFiles.exists(notification.processInstanceId())) {
      return; // a standing duty's alert (policy review, training): not a case, no case file
    }
    chronology.append(ChronologyEntry.of(notification.caseReference(), notification.processInstanceId(),
        EngineTime.now(), SYSTEM, EntryKind.NOTIFICATION, notification.activityId(), null,
        "Alert '" + notification.kind() + "' to " + String.join(", ", notification.recipientGroups()), null));
  }

  /** Opens the case file of a process the first time it is seen with its case reference. */
  private void openIfNew(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    if (!notesOfThisTransaction().opened.add(processInstanceId) || caseFiles.exists(processInstanceId)) {
      return;
    }
    String reference = execution.getProcessBusinessKey();
    boolean firstOfItsCase = caseFiles.ofCase(reference).isEmpty();
    Instant now = EngineTime.now();
    Map<String, Object> report = execution.getVariables();
    String childName = text(report.get("childName"));
    Long childId = childName.isBlank() ? null
        : children.findOrAdd(text(report.get("studentId")), childName, text(report.get("childGrade")), now);
    caseFiles.opened(processInstanceId, reference, processKey(execution), childId,
        text(report.get("categories")), Boolean.TRUE.equals(report.get("reportedLate")), now);
    Process process = (Process) execution.getBpmnModelInstance().getModelElementById(
        processKey(execution));
    List<FormField> startForm = startFormFields(execution, process);
    String reporterType = text(report.get("reporterType"));
    chronology.append(ChronologyEntry.of(reference, processInstanceId, now,
        actor(reporterType.isBlank() ? null : reporterType),
        firstOfItsCase ? EntryKind.REPORT : EntryKind.PATHWAY_OPENED, process.getId(), process.getName(),
        join(recorded(startForm, report), reporterIdentity(startForm, report)), null));
    // Who reported is for the CPO and the deputy: kept here, in the case file, and taken out of the
    // case's variables, which a person holding one of its tasks can read.
    rules.reporterIdentityVariables().forEach(execution::removeVariable);
  }

  /** The reporter's name and contact where the start form does not already show them. */
  private String reporterIdentity(List<FormField> startForm, Map<String, Object> report) {
    return rules.reporterIdentityVariables().stream()
        .filter(name -> startForm.stream().noneMatch(field -> field.key().equals(name)))
        .filter(name -> !text(report.get(name)).isBlank())
        .map(name -> name + ": " + text(report.get(name))).collect(Collectors.joining("\n"));
  }

  private static String join(String first, String second) {
    return first.isEmpty() ? second : second.isEmpty() ? first : first + "\n" + second;
  }

  private List<FormField> startFormFields(DelegateExecution execution, Process process) {
    return process.getChildElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef).filter(formRef -> formRef != null).findFirst()
        .map(formRef -> forms.fields(execution.getProcessDefinitionId(), formRef)).orElse(List.of());
  }

  private boolean holdsAReason(FormField field) {
    return rules.reasonFieldSuffixes().stream().anyMatch(suffix -> field.key().endsWith(suffix));
  }

  /** "Label: value" for each field of the form that was filled in, in the form's order. */
  private static String recorded(List<FormField> fields, Map<String, Object> values) {
    return fields.stream().filter(field -> !text(values.get(field.key())).isBlank())
        .map(field -> field.label() + ": " + text(values.get(field.key()))).collect(Collectors.joining("\n"));
  }

  /** The person acting in this transaction; else the task's assignee; else the system (a timer, a pathway). */
  private String actor(String fallback) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback != null ? fallback : SYSTEM;
  }

  /**
   * The process instance ends, completed or cancelled: the end event of its root activity
   * instance, whose id is the process instance's own. Noted per transaction, so recorded once.
   */
  private static boolean endsTheProcess(DelegateExecution execution) {
    return "end".equals(execution.getEventName())
        && execution.getProcessInstanceId().equals(execution.getActivityInstanceId());
  }

  /** The process's key, which is also the id of its Process element in the model. */
  private static String processKey(DelegateExecution execution) {
    return execution.getProcessDefinitionId().split(":")[0];
  }

  private static boolean isTimer(ModelElementInstance element) {
    return (element instanceof BoundaryEvent || element instanceof IntermediateCatchEvent)
        && !((CatchEvent) element).getChildElementsByType(TimerEventDefinition.class).isEmpty();
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof Boolean yes) {
      return yes ? "yes" : "no";
    }
    if (value instanceof Collection<?> many) {
      return many.stream().map(ChronologyRecorder::text).collect(Collectors.joining(", "));
    }
    return value.toString();
  }

  /** What this transaction already recorded: the chronology is written once per step. */
  private static final class TransactionNotes {
    final Set<String> opened = new HashSet<>();
    final Set<String> closed = new HashSet<>();
  }

  private TransactionNotes notesOfThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("The case file needs a Spring-managed engine transaction");
    }
    Object notes = TransactionSynchronizationManager.getResource(this);
    if (notes == null) {
      notes = new TransactionNotes();
      TransactionSynchronizationManager.bindResource(this, notes);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(ChronologyRecorder.this);
        }
      });
    }
    return (TransactionNotes) notes;
  }
}
