package com.caisschool.safeguarding.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
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

    /** A grant of READ on every task, and no revoke of any kind for the person or their groups. */
    private boolean readsEveryTask(String userId, List<String> groupIds) {
      Map<String, Object> revokes = new HashMap<>();
      revokes.put("userId", userId);
      revokes.put("authGroupIds", filterAuthenticatedGroupIds(groupIds));
      // The grant first: most people lack it, and then one question is enough.
      return isAuthorized(userId, groupIds, Permissions.READ, Resources.TASK, Authorization.ANY)
          && !getDbEntityManager().selectBoolean("selectRevokeAuthorization", revokes);
    }
  }
}
