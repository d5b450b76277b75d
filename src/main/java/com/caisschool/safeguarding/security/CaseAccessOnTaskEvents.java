package com.caisschool.safeguarding.security;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every case process, through the engine's event bridge (an edited model cannot drop it):
 * <ul>
 *   <li>when a case opens (its start event ends), the people it is about are recorded
 *       ({@link SubjectNaming});</li>
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
  private final Map<String, String> alternates;

  CaseAccessOnTaskEvents(CaseAccess caseAccess, CaseSubjects subjects, SubjectNaming naming,
      IdentityService identities, AccessProperties access) {
    this.caseAccess = caseAccess;
    this.subjects = subjects;
    this.naming = naming;
    this.identities = identities;
    this.alternates = access.alternates();
  }

  @EventListener(condition = "#execution.eventName == 'end'")
  public void onCaseOpened(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    if (reference == null || !(execution.getBpmnModelElementInstance() instanceof StartEvent)) {
      return;
    }
    naming.record(reference, execution);
    pendingInThisTransaction().add(execution.getProcessInstanceId());
  }

  @EventListener(condition = "#task.eventName == 'create' || #task.eventName == 'assignment'"
      + " || #task.eventName == 'update' || #task.eventName == 'complete' || #task.eventName == 'delete'")
  public void onTaskEvent(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    if (processInstanceId == null || task.getExecution() == null) {
      return;
    }
    String reference = task.getExecution().getProcessBusinessKey();
    if (reference == null) {
      return; // a standing duty (no case reference): its tasks give no access to anything else
    }
    if ("create".equals(task.getEventName()) || "assignment".equals(task.getEventName())
        || "update".equals(task.getEventName())) {
      keepFromSubjects(task, reference);
    }
    pendingInThisTransaction().add(processInstanceId);
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
        task.addCandidateGroup(alternate);
      }
    }
  }

  private boolean onlySubjectsIn(String group, Set<String> hidden) {
    return SystemAccess.run(identities, () -> identities.createUserQuery().memberOfGroup(group).list()).stream()
        .map(User::getId).allMatch(hidden::contains);
  }

  @SuppressWarnings("unchecked")
  private Set<String> pendingInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Case access needs a Spring-managed engine transaction");
    }
    Object pending = TransactionSynchronizationManager.getResource(this);
    if (pending != null) {
      return (Set<String>) pending;
    }
    Set<String> cases = new LinkedHashSet<>();
    TransactionSynchronizationManager.bindResource(this, cases);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        // The step's command has written its tasks by now; this joins its transaction.
        for (String processInstanceId : cases) {
          caseAccess.sync(processInstanceId);
        }
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(CaseAccessOnTaskEvents.this);
      }
    });
    return cases;
  }
}
