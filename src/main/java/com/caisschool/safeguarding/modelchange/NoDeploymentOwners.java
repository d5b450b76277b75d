package com.caisschool.safeguarding.modelchange;

import com.caisschool.safeguarding.security.NewTaskGrants;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Camunda grants whoever deploys READ and DELETE on their own deployment; here nobody owns a
 * deployment: who reads deployments is set by {@code safeguarding.access}, and nobody deletes one.
 * Every other default grant (a task's assignee, a new user's own profile) stays as Camunda makes it,
 * a new task's without a read first ({@link NewTaskGrants}).
 */
final class NoDeploymentOwners extends NewTaskGrants {

  @Override
  public AuthorizationEntity[] newDeployment(Deployment deployment) {
    return new AuthorizationEntity[0];
  }
}
