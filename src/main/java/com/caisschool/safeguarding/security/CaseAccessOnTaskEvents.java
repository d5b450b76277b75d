package com.caisschool.safeguarding.security;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every task of every model, through the engine's event bridge (an edited model cannot drop it):
 * when a task is created, (re)assigned, completed or deleted, the case's grants are brought in line
 * once the change is committed, in a transaction of their own, because the engine writes its
 * tasks and grants to the database only at commit.
 */
@Component
class CaseAccessOnTaskEvents {

  private static final Logger log = LoggerFactory.getLogger(CaseAccessOnTaskEvents.class);

  private final CaseAccess caseAccess;
  private final TransactionTemplate ownTransaction;

  CaseAccessOnTaskEvents(CaseAccess caseAccess, PlatformTransactionManager transactions) {
    this.caseAccess = caseAccess;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener(condition = "#task.eventName == 'create' || #task.eventName == 'assignment'"
      + " || #task.eventName == 'update' || #task.eventName == 'complete' || #task.eventName == 'delete'")
  public void onTaskEvent(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    if (processInstanceId == null) {
      return;
    }
    if (task.getExecution() != null && task.getExecution().getProcessBusinessKey() == null) {
      return; // a standing duty (no case reference): its tasks give no access to anything else
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Case access needs a Spring-managed engine transaction");
    }
    pendingInThisTransaction().add(processInstanceId);
  }

  @SuppressWarnings("unchecked")
  private Set<String> pendingInThisTransaction() {
    Object pending = TransactionSynchronizationManager.getResource(this);
    if (pending != null) {
      return (Set<String>) pending;
    }
    Set<String> cases = new LinkedHashSet<>();
    TransactionSynchronizationManager.bindResource(this, cases);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        for (String processInstanceId : cases) {
          syncOrLog(processInstanceId);
        }
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(CaseAccessOnTaskEvents.this);
      }
    });
    return cases;
  }

  private void syncOrLog(String processInstanceId) {
    try {
      ownTransaction.executeWithoutResult(status -> caseAccess.sync(processInstanceId));
    } catch (RuntimeException firstFailure) {
      // Two people finishing tasks in one case at the same moment: the later sync sees both.
      try {
        ownTransaction.executeWithoutResult(status -> caseAccess.sync(processInstanceId));
      } catch (RuntimeException e) {
        log.error("Case access of process instance {} could not be brought in line with its tasks", processInstanceId, e);
      }
    }
  }
}
