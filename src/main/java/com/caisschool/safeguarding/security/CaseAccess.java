package com.caisschool.safeguarding.security;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may read one case beyond the CPO and deputy: exactly the groups and users holding one of its
 * open tasks. {@link #sync} brings the case's grants in line with its open tasks, so a grant is
 * made when a task is given and withdrawn when the last such task ends. A case about the Head of
 * School (as {@code safeguarding.access.hidden-from-subject} says) is in addition revoked, case
 * and tasks, for every member of the Head's group, whatever other group they belong to.
 */
@Component
class CaseAccess {

  private static final Logger log = LoggerFactory.getLogger(CaseAccess.class);

  private final AuthorizationService authorizations;
  private final IdentityService identities;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AccessProperties access;

  CaseAccess(AuthorizationService authorizations, IdentityService identities, RuntimeService runtime,
      TaskService tasks, AccessProperties access) {
    this.authorizations = authorizations;
    this.identities = identities;
    this.runtime = runtime;
    this.tasks = tasks;
    this.access = access;
  }

  void sync(String processInstanceId) {
    SystemAccess.run(identities, () -> {
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
      Set<Identity> holders = holders(open);
      syncGrants(processInstanceId, holders);
      boolean hidden = aboutHiddenSubject(processInstanceId, open);
      if (hidden) {
        revokeForSubjectGroup(processInstanceId, open);
      }
      log.debug("Case access of process instance {}: {} task holders{}", processInstanceId, holders.size(),
          hidden ? ", hidden from " + access.hiddenFromSubject().group() : "");
    });
  }

  private Set<Identity> holders(List<Task> open) {
    Set<Identity> holders = new HashSet<>();
    for (Task task : open) {
      if (task.getAssignee() != null) {
        holders.add(Identity.user(task.getAssignee()));
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          holders.add(link.getGroupId() != null ? Identity.group(link.getGroupId()) : Identity.user(link.getUserId()));
        }
      }
    }
    return holders;
  }

  private void syncGrants(String processInstanceId, Set<Identity> holders) {
    Set<Identity> granted = new HashSet<>();
    for (Authorization grant : authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()) {
      Identity identity = Identity.of(grant);
      if (holders.contains(identity)) {
        granted.add(identity);
      } else {
        authorizations.deleteAuthorization(grant.getId());
      }
    }
    Permission[] permissions = access.caseAccessPermissions().stream()
        .map(name -> PermissionNames.permission(name, Resources.PROCESS_INSTANCE)).toArray(Permission[]::new);
    holders.stream().filter(holder -> !granted.contains(holder)).forEach(holder -> {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      holder.applyTo(grant);
      grant.setResource(Resources.PROCESS_INSTANCE);
      grant.setResourceId(processInstanceId);
      grant.setPermissions(permissions);
      authorizations.saveAuthorization(grant);
    });
  }

  private boolean aboutHiddenSubject(String processInstanceId, List<Task> open) {
    AccessProperties.HiddenFromSubject rule = access.hiddenFromSubject();
    return rule != null && !open.isEmpty()
        && Objects.equals(rule.value(), runtime.getVariable(processInstanceId, rule.variable()));
  }

  private void revokeForSubjectGroup(String processInstanceId, List<Task> open) {
    for (User member : identities.createUserQuery().memberOfGroup(access.hiddenFromSubject().group()).list()) {
      revoke(member.getId(), Resources.PROCESS_INSTANCE, processInstanceId);
      open.forEach(task -> revoke(member.getId(), Resources.TASK, task.getId()));
    }
  }

  private void revoke(String userId, Resource resource, String resourceId) {
    boolean revoked = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).userIdIn(userId)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (!revoked) {
      Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId(userId);
      revoke.setResource(resource);
      revoke.setResourceId(resourceId);
      revoke.removePermission(Permissions.ALL);
      authorizations.saveAuthorization(revoke);
    }
  }

  /** A group or a user that can hold a grant. */
  private record Identity(String groupId, String userId) {
    static Identity group(String id) {
      return new Identity(id, null);
    }

    static Identity user(String id) {
      return new Identity(null, id);
    }

    static Identity of(Authorization authorization) {
      return new Identity(authorization.getGroupId(), authorization.getUserId());
    }

    void applyTo(Authorization authorization) {
      if (groupId != null) {
        authorization.setGroupId(groupId);
      } else {
        authorization.setUserId(userId);
      }
    }
  }
}
