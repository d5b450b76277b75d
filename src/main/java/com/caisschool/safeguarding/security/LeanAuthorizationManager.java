package com.caisschool.safeguarding.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization manager, asking the database less where the answer is known
 * (issue 25, README "Performance"). Both shortcuts give the answers the engine's own checks would.
 * <ul>
 *   <li><b>Readers of every task.</b> Task lists and counts of someone who may read every task
 *       (the CPO and the deputy: a grant of {@code READ} on every task,
 *       {@code safeguarding.access.grants}) and whom no revoke names (no case is walled off from
 *       them, {@link CaseAccess}) are asked without the per-task permission check: it would pass
 *       for every task. The engine's check joins the person's grants to every candidate task
 *       through an {@code OR} condition that PostgreSQL can only run as a nested loop, and the
 *       grants include Camunda's own grant of each open task to its candidate group, so its cost
 *       grew with open tasks times grants. For everyone else, and for a lead any case is walled off
 *       from, the engine's check runs as before, revokes included.</li>
 *   <li><b>A person's groups as they are.</b> Before each command's first check the engine reads
 *       every group named in any grant or revoke ({@code SELECT DISTINCT GROUP_ID_} over the whole
 *       authorization table, one row per open task and more) only to drop the person's groups that
 *       have none, which match no row anyway. A person here is in a handful of groups, so they are
 *       passed on as they are; beyond {@value #GROUPS_PASSED_AS_THEY_ARE} (a list the database would
 *       read as a long {@code IN}) the engine's own filtering runs.</li>
 *   <li><b>"Any of these permissions" one at a time.</b> A check that passes on any of several
 *       permissions (whether someone may work on a task: {@code TASK_WORK} or {@code UPDATE} on the
 *       task or on its process) is one statement holding a full grant check per permission, which
 *       the engine's SQL builder writes out and the database parses at every submission. While no
 *       revoke names the person (the engine asks that once per command), each permission's check
 *       answers "granted" or "no grant found", and the whole check passes exactly when one of them is
 *       granted: so they are asked one by one, in the engine's order, until one is. The CPO passes
 *       on the first ({@code TASK_WORK} on every task). With revokes in play, or a check that answers
 *       a missing grant otherwise, the engine's single statement runs as before.</li>
 * </ul>
 */
@Component
class LeanAuthorizationManager extends AbstractProcessEnginePlugin {

  /** More groups than anyone at a school is in: the bound keeps the checks' {@code IN} lists short. */
  static final int GROUPS_PASSED_AS_THEY_ARE = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new Factory());
    configuration.setCustomSessionFactories(factories);
  }

  /** Replaces the engine's authorization manager of each command (custom factories come last). */
  private static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  }

  private static final class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds != null && authenticatedGroupIds.size() <= GROUPS_PASSED_AS_THEY_ARE) {
        return new ArrayList<>(authenticatedGroupIds);
      }
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      // The SQL checks when the check is enabled and has permissions to check (the getter, not the field).
      if (check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
          && readsEveryTask(check.getAuthUserId(), check.getAuthGroupIds())) {
        check.setPermissionChecks(new CompositePermissionCheck());
      }
    }

    /**
     * The engine's question, permission by permission, where the answers cannot differ: revokes are
     * not checked in this command ({@link #isRevokeAuthCheckEnabled}, the engine's own per-command
     * answer) and every permission's check answers a missing grant with nothing, so the engine's
     * statement ({@code IFNULL} of each check in turn) is 1 exactly when one check is granted.
     */
    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
      if (!anyOfSeveral(check) || isRevokeAuthCheckEnabled(userId, groupIds)) {
        return super.isAuthorized(userId, groupIds, check);
      }
      for (PermissionCheck permission : check.getAtomicChecks()) {
        if (!isResourceValidForPermission(permission)) {
          return super.isAuthorized(userId, groupIds, check); // the engine refuses it, with its own message
        }
      }
      for (PermissionCheck permission : check.getAtomicChecks()) {
        CompositePermissionCheck one = new CompositePermissionCheck(true);
        one.addAtomicCheck(permission);
        if (super.isAuthorized(userId, groupIds, one)) {
          return true;
        }
      }
      return false;
    }

    private static boolean anyOfSeveral(CompositePermissionCheck check) {
      return check.isDisjunctive() && (check.getCompositeChecks() == null || check.getCompositeChecks().isEmpty())
          && check.getAtomicChecks() != null && check.getAtomicChecks().size() > 1
          && check.getAtomicChecks().stream().allMatch(permission -> permission.getAuthorizationNotFoundReturnValue() == null
              && permission.getResourceIdQueryParam() == null);
    }

    /**
     * A grant of READ on every task, and no revoke of any kind for the person or their groups: the
     * engine's own per-command question ({@code selectRevokeAuthorization} under "auto"; under
     * "always" the shortcut is never taken, under "never" revokes change no answer).
     */
    private boolean readsEveryTask(String userId, List<String> groupIds) {
      // The grant first: most people lack it, and then one question is enough.
      return isAuthorized(userId, groupIds, Permissions.READ, Resources.TASK, Authorization.ANY)
          && !isRevokeAuthCheckEnabled(userId, groupIds);
    }
  }
}
