package com.caisschool.safeguarding.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every process, through built-in listeners of every model ({@link CaseAccessPlugin}: an edited
 * model cannot drop them):
 * <ul>
 *   <li>when a case opens (its start event ends), the people it is about are recorded
 *       ({@link SubjectNaming}), at the latest at its first task or before the step commits;</li>
 *   <li>a task is never given to someone the case is about: when every member of a candidate
 *       group is, the group configured to act for it ({@code safeguarding.access.alternates})
 *       is offered the task too, and assigning it to them is refused;</li>
 *   <li>when a task is created, (re)assigned, completed or deleted, the case's grants and walls are
 *       brought in line ({@link CaseAccess#sync}) just before the step's transaction commits, in
 *       that transaction and on its connection: if that fails, the step fails and nothing of it
 *       is left behind, so a case is never open to someone it should be hidden from.</li>
 * </ul>
 */
@Component
class CaseAccessOnTaskEvents {

  private final CaseAccess caseAccess;
  private final CaseSubjects subjects;
  private final SubjectNaming naming;
  private final IdentityService identities;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Map<String, String> alternates;

  CaseAccessOnTaskEvents(CaseAccess caseAccess, CaseSubjects subjects, SubjectNaming naming,
      IdentityService identities, TaskService tasks, RuntimeService runtime, AccessProperties access) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.caseAccess = caseAccess;
    this.subjects = subjects;
    this.naming = naming;
    this.identities = identities;
    this.alternates = access.alternates();
  }

  /** A start event ended. */
  void onCaseOpened(DelegateExecution execution) {
    // A concern gets its reference from the case opening, which may come after this listener:
    // then it is named at its first task or, at the latest, before the step commits.
    pendingInThisTransaction().toName.add(execution.getProcessInstanceId());
    nameIfOpened(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), execution);
  }

  private void nameIfOpened(String processInstanceId, String reference, DelegateExecution execution) {
    Pending pending = pendingInThisTransaction();
    if (reference != null && pending.toName.remove(processInstanceId)) {
      naming.record(reference, execution);
    }
    pending.toSync.add(processInstanceId);
  }

  /** A task was created, (re)assigned, updated, completed or deleted ({@link CaseAccessPlugin#TASK_EVENTS}). */
  void onTaskEvent(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    if (processInstanceId == null || task.getExecution() == null) {
      return;
    }
    String reference = task.getExecution().getProcessBusinessKey();
    if (reference == null) {
      return; // a standing duty (no case reference): its tasks give no access to anything else
    }
    nameIfOpened(processInstanceId, reference, task.getExecution());
    if ("create".equals(task.getEventName()) || "assignment".equals(task.getEventName())
        || "update".equals(task.getEventName())) {
      keepFromSubjects(task, reference);
    }
  }

  private void keepFromSubjects(DelegateTask task, String reference) {
    Set<String> hidden = subjects.usersHiddenFrom(reference);
    if (hidden.isEmpty()) {
      return;
    }
    if (task.getAssignee() != null && hidden.contains(task.getAssignee())) {
      throw new AuthorizationException("This task cannot be given to that person: the case is about them.");
    }
    Set<String> candidateGroups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null && hidden.contains(link.getUserId())) {
        throw new AuthorizationException("This task cannot be offered to that person: the case is about them.");
      }
      if (link.getGroupId() != null) {
        candidateGroups.add(link.getGroupId());
      }
    }
    for (String group : candidateGroups) {
      String alternate = alternates.get(group);
      if (alternate != null && !candidateGroups.contains(alternate) && onlySubjectsIn(group, hidden)) {
        // The event carries a copy of the task: the engine's task service changes the task itself.
        SystemAccess.run(identities, () -> tasks.addCandidateGroup(task.getId(), alternate));
      }
    }
  }

  private boolean onlySubjectsIn(String group, Set<String> hidden) {
    return SystemAccess.run(identities, () -> identities.createUserQuery().memberOfGroup(group).list()).stream()
        .map(User::getId).allMatch(hidden::contains);
  }

  /** The cases this transaction opened and not yet named, and those whose access it changed. */
  private record Pending(Set<String> toName, Set<String> toSync) {}

  private Pending pendingInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Case access needs a Spring-managed engine transaction");
    }
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (Pending) bound;
    }
    Pending pending = new Pending(new LinkedHashSet<>(), new LinkedHashSet<>());
    TransactionSynchronizationManager.bindResource(this, pending);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        // The step's command has written its tasks by now; this joins its transaction.
        for (String processInstanceId : List.copyOf(pending.toName())) {
          ProcessInstance instance = SystemAccess.run(identities,
              () -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
          if (instance != null && instance.getBusinessKey() != null) {
            naming.record(instance.getBusinessKey(), processInstanceId, runtime);
          }
        }
        for (String processInstanceId : pending.toSync()) {
          caseAccess.sync(processInstanceId);
        }
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(CaseAccessOnTaskEvents.this);
      }
    });
    return pending;
  }
}
