package com.caisschool.safeguarding.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

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
  private final JdbcTemplate jdbc;
  /**
   * The permissions a case grant gives, from {@code safeguarding.access.case-access-permissions}:
   * looked up by name among every Camunda permission once, at the first grant, not at every step
   * (issue 25); the configuration does not change while the application runs.
   */
  private final SingletonSupplier<Permission[]> casePermissions;

  CaseAccess(AuthorizationService authorizations, IdentityService identities, RuntimeService runtime,
      TaskService tasks, AccessProperties access, CaseSubjects subjects, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.authorizations = authorizations;
    this.identities = identities;
    this.runtime = runtime;
    this.tasks = tasks;
    this.access = access;
    this.subjects = subjects;
    this.casePermissions = SingletonSupplier.of(() -> access.caseAccessPermissions().stream()
        .map(name -> PermissionNames.permission(name, Resources.PROCESS_INSTANCE)).toArray(Permission[]::new));
  }

  void sync(String processInstanceId) {
    SystemAccess.run(identities, () -> {
      OpenTasks open = OpenTasks.of(jdbc, processInstanceId);
      if (open == null || open.caseReference() == null) {
        return; // ended in the same step, or a standing duty (no case reference): nothing to read or hide
      }
      syncGrants(processInstanceId, open.holders());
      Set<String> hiddenFrom = subjects.usersHiddenFrom(open.caseReference());
      hiddenFrom.forEach(userId -> wall(userId, processInstanceId, open.taskIds()));
      log.debug("Case access of process instance {}: {} task holders, hidden from {} people", processInstanceId,
          open.holders().size(), hiddenFrom.size());
    });
  }

  /** Raises the walls of every running process of the case around one user (who joined a group the case is hidden from). */
  void wallOff(String userId, String caseReference) {
    SystemAccess.run(identities, () -> {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).list()) {
        wall(userId, instance.getId(), tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
            .map(Task::getId).toList());
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

  private void wall(String userId, String processInstanceId, List<String> openTaskIds) {
    revoke(userId, Resources.PROCESS_INSTANCE, processInstanceId);
    openTaskIds.forEach(taskId -> revoke(userId, Resources.TASK, taskId));
  }

  private void syncGrants(String processInstanceId, Set<Identity> allHolders) {
    Permission[] permissions = casePermissions.obtain().clone();
    List<Grant> grants = Grant.onCaseOrEveryCase(jdbc, processInstanceId);
    Set<Identity> holders = new HashSet<>(allHolders);
    holders.removeAll(groupsReadingEveryCase(grants, permissions));
    Set<Identity> granted = new HashSet<>();
    for (Grant grant : grants) {
      if (!processInstanceId.equals(grant.resourceId())) {
        continue;
      }
      if (holders.contains(grant.identity())) {
        granted.add(grant.identity());
      } else {
        authorizations.deleteAuthorization(grant.id());
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
   * The groups that already hold these permissions on every process instance (the CPO and
   * deputy): a grant of the case to them would change no answer (a group has no walls; a user's
   * wall comes before every group grant), so they get none. Their grants on every case are
   * {@code safeguarding.access.grants}; without them a case grant is made again at the next sync
   * (and at every start, {@link CaseAccessRepair}).
   */
  private static Set<Identity> groupsReadingEveryCase(List<Grant> grants, Permission[] permissions) {
    Set<Identity> everyCase = new HashSet<>();
    for (Grant grant : grants) {
      if (Authorization.ANY.equals(grant.resourceId()) && grant.groupId() != null
          && Arrays.stream(permissions).allMatch(grant::grants)) {
        everyCase.add(Identity.group(grant.groupId()));
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
  record Identity(String groupId, String userId) {
    static Identity group(String id) {
      return new Identity(id, null);
    }

    static Identity user(String id) {
      return new Identity(null, id);
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
