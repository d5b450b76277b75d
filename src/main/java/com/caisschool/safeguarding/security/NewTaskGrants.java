package com.caisschool.safeguarding.security;

import java.util.Objects;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Camunda's default grants (a task's candidate groups and users, its assignee and owner get the
 * task), made without asking the database first where it cannot hold one. Before each such grant
 * the engine reads whether the group or user already has one on the task, to add to it. For a task
 * made in the same command, not yet written, no row can name it: its id is new, and the command
 * writes its task and its grants together at the end. Then the read (one statement per candidate
 * group of every new task, issue 25) is left out and the grant made as the engine makes it. When the
 * command already made a grant on that task to the same group or user (offered it twice), or the
 * task was read from the database, the engine reads as before. The grants themselves are the engine's, unchanged.
 */
public class NewTaskGrants extends DefaultAuthorizationProvider {

  @Override
  protected AuthorizationEntity getGrantAuthorization(String resourceId, String userId, String groupId,
      Resource resource) {
    if (isTaskResource(resource) && notYetWritten(resourceId, resource, userId, groupId)) {
      return null;
    }
    return super.getGrantAuthorization(resourceId, userId, groupId, resource);
  }

  private static boolean isTaskResource(Resource resource) {
    return resource.resourceType() == Resources.TASK.resourceType()
        || resource.resourceType() == Resources.HISTORIC_TASK.resourceType();
  }

  /** A task this command made, not flushed, and no grant on it to the same one made in this command yet. */
  private static boolean notYetWritten(String taskId, Resource resource, String userId, String groupId) {
    CommandContext command = Context.getCommandContext();
    if (command == null || taskId == null) {
      return false;
    }
    DbEntityManager entities = command.getDbEntityManager();
    CachedDbEntity task = entities.getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
    return task != null && task.getEntityState() == DbEntityState.TRANSIENT
        && entities.getCachedEntitiesByType(AuthorizationEntity.class).stream()
            .noneMatch(grant -> taskId.equals(grant.getResourceId()) && grant.getResourceType() == resource.resourceType()
                && Objects.equals(grant.getUserId(), userId) && Objects.equals(grant.getGroupId(), groupId));
  }
}
