package com.caisschool.safeguarding.security;

import java.util.Arrays;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may read one case beyond the CPO and deputy, and who may not read it at all.
 * {@link #sync} brings the case's grants in line with its open tasks (a grant is made when a task
 * is given and withdrawn when the last such task ends) and raises the walls around it: every user
 * the case is about ({@link CaseSubjects}) is refused the process instance and each of its tasks
 * by a revoke of their own. A user's revoke on the instance or task comes before every grant to
 * their groups, the definition-wide ones of the CPO and deputy included (Camunda checks the
 * instance or task first and stops at the first answer), so the wall holds whatever groups they
 * are in or join. It runs in the transaction of the step (see {@link CaseAccessOnTaskEvents}):
 * when it fails, the step fails with it.
 */
@Component
class CaseAccess {

  private static final Logger log = LoggerFactory.getLogger(CaseAccess.class);

  private final AuthorizationService authorizations;
  private final IdentityService identities;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AccessProperties access;
  private final CaseSubjects subjects;

  CaseAccess(AuthorizationService authorizations, IdentityService identities, RuntimeService runtime,
      TaskService tasks, AccessProperties access, CaseSubjects subjects) {
    this.authorizations = authorizations;
    this.identities = identities;
    this.runtime = runtime;
    this.tasks = tasks;
    this.access = access;
    this.subjects = subjects;
  }

  void sync(String processInstanceId) {
    SystemAccess.run(identities, () -> {
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
      if (instance == null || instance.getBusinessKey() == null) {
        return; // ended in the same step, or a standing duty (no case reference): nothing to read or hide
      }
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
      Set<Identity> holders = holders(open);
      syncGrants(processInstanceId, holders);
      Set<String> hiddenFrom = subjects.usersHiddenFrom(instance.getBusinessKey());
      hiddenFrom.forEach(userId -> wall(userId, processInstanceId, open));
      log.debug("Case access of process instance {}: {} task holders, hidden from {} people", processInstanceId,
          holders.size(), hiddenFrom.size());
    });
  }

  /** Raises the walls of every running process of the case around one user (who joined a group the case is hidden from). */
  void wallOff(String userId, String caseReference) {
    SystemAccess.run(identities, () -> {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).list()) {
        wall(userId, instance.getId(), tasks.createTaskQuery().processInstanceId(instance.getId()).list());
      }
    });
  }

  /** Takes down one user's walls around the case (the CPO corrected who the case is about). */
  void unwall(String userId, String caseReference) {
    SystemAccess.run(identities, () -> {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).list()) {
        removeRevoke(userId, Resources.PROCESS_INSTANCE, instance.getId());
        tasks.createTaskQuery().processInstanceId(instance.getId()).list()
            .forEach(task -> removeRevoke(userId, Resources.TASK, task.getId()));
      }
    });
  }

  private void removeRevoke(String userId, Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).userIdIn(userId)
        .resourceType(resource).resourceId(resourceId).list()
        .forEach(revoke -> authorizations.deleteAuthorization(revoke.getId()));
  }

  private void wall(String userId, String processInstanceId, List<Task> open) {
    revoke(userId, Resources.PROCESS_INSTANCE, processInstanceId);
    open.forEach(task -> revoke(userId, Resources.TASK, task.getId()));
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

  private void syncGrants(String processInstanceId, Set<Identity> allHolders) {
    Permission[] permissions = access.caseAccessPermissions().stream()
        .map(name -> PermissionNames.permission(name, Resources.PROCESS_INSTANCE)).toArray(Permission[]::new);
    Set<Identity> holders = new HashSet<>(allHolders);
    holders.removeAll(groupsReadingEveryCase(allHolders, permissions));
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
    holders.stream().filter(holder -> !granted.contains(holder)).forEach(holder -> {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      holder.applyTo(grant);
      grant.setResource(Resources.PROCESS_INSTANCE);
      grant.setResourceId(processInstanceId);
      grant.setPermissions(permissions);
      authorizations.saveAuthorization(grant);
    });
  }

  /**
   * The holder groups that already hold these permissions on every process instance (the CPO and
   * deputy): a grant of the case to them would change no answer (a group has no walls; a user's
   * wall comes before every group grant), so they get none. Their grants on every case are
   * {@code safeguarding.access.grants}; without them a case grant is made again at the next sync
   * (and at every start, {@link CaseAccessRepair}).
   */
  private Set<Identity> groupsReadingEveryCase(Set<Identity> holders, Permission[] permissions) {
    String[] groups = holders.stream().map(Identity::groupId).filter(Objects::nonNull).toArray(String[]::new);
    if (groups.length == 0) {
      return Set.of();
    }
    Set<Identity> everyCase = new HashSet<>();
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groups).resourceType(Resources.PROCESS_INSTANCE).resourceId(Authorization.ANY).list()) {
      if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
        everyCase.add(Identity.group(grant.getGroupId()));
      }
    }
    return everyCase;
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
