package com.caisschool.safeguarding.triage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: the signed-in person (Tasklist, the REST API), else the task's assignee. */
final class ActingPerson {

  private ActingPerson() {}

  static String of(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      return user.getUserId();
    }
    return task.getAssignee();
  }
}
