package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's checks take a person's few groups as they are (issue 25): the engine no longer reads
 * every group named in the authorization table before each command's first check, and a person in
 * more groups than anyone at a school is still filtered the engine's way. A check that passes on
 * any of several permissions (may this person work on this task?) is asked one permission at a
 * time while no revoke names the person, with the engine's answers. That the answers stay the same
 * is also the access tests' part (AccessMatrixTest, SubjectAccessMatrixTest and the others run with
 * this manager installed).
 */
@ApplicationTest
class LeanAuthorizationManagerTest {

  private static final String EVERY_GROUP_WITH_A_GRANT = "AuthorizationEntity.selectAuthorizedGroupIds";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfiguration engineConfiguration;

  private static final String PERMISSION_CHECK = "AuthorizationEntity.isUserAuthorizedForResource";
  private static final String CONCERN = "safeguarding-concern";

  @Test
  void theCposListsAreCheckedWithoutReadingEveryGroupThatHasAGrant() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> {
      assertThat(cpo.get("/filter?resourceType=Task&itemCount=true").status()).isEqualTo(200);
      assertThat(cpo.get("/task?maxResults=50").status()).isEqualTo(200);
    });
    assertThat(asked).as("the requests ran checked queries").isNotEmpty()
        .noneMatch(statement -> statement.mapperStatement().equals(EVERY_GROUP_WITH_A_GRANT));
  }

  @Test
  void someoneInMoreGroupsThanTheBoundIsFilteredTheEnginesWay() {
    List<String> groups = new ArrayList<>(List.of("staff"));
    IntStream.rangeClosed(1, LeanAuthorizationManager.GROUPS_PASSED_AS_THEY_ARE)
        .forEach(i -> groups.add("lean-check-group-" + i));
    identityService.setAuthentication("teacher", groups);
    try {
      List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> taskService.createTaskQuery().count());
      assertThat(asked).anyMatch(statement -> statement.mapperStatement().equals(EVERY_GROUP_WITH_A_GRANT));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theCposSubmissionAsksAboutTheTaskOnlyNotItsProcess() {
    CaseSteps steps = new CaseSteps(port, taskService);
    String caseId = steps.reportConcern(ConcernReports.bruises("Lean-Check-Testchild"));
    String taskId = authorityDecision(caseId).getId();

    List<EngineStatements.Statement> checks = EngineStatements.selectsDuring(
        () -> steps.decideAuthoritiesNotNow(RestApi.as(port, "cpo", "demo"), caseId)).stream()
        .filter(statement -> statement.mapperStatement().equals(PERMISSION_CHECK)).toList();

    // TASK_WORK on every task, the first of the four permissions the engine accepts: one grant check.
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).sql()).contains("'" + taskId + "'").doesNotContain("'" + CONCERN + "'");
  }

  @Test
  void someoneARevokeNamesIsAskedTheEnginesWholeQuestion() {
    CaseSteps steps = new CaseSteps(port, taskService);
    String caseId = steps.reportConcern(ConcernReports.bruises("Lean-Revoke-Testchild"));
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("cpo");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("no-such-task-lean-check");
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    try {
      List<EngineStatements.Statement> checks = EngineStatements.selectsDuring(
          () -> steps.decideAuthoritiesNotNow(RestApi.as(port, "cpo", "demo"), caseId)).stream()
          .filter(statement -> statement.mapperStatement().equals(PERMISSION_CHECK)).toList();
      assertThat(checks).hasSize(1);
      assertThat(checks.get(0).sql()).contains("'" + CONCERN + "'");
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
    }
  }

  /**
   * May a person work on a task: the manager's answer and the engine's own (its manager, its single
   * statement) for grants on the task, its process and every task, each of the four permissions,
   * none, one that is not enough, and with a revoke in play.
   */
  @Test
  void aQuestionOfSeveralPermissionsIsAnsweredAsTheEngineAnswersIt() {
    String caseId = new CaseSteps(port, taskService).reportConcern(ConcernReports.bruises("Lean-Matrix-Testchild"));
    String taskId = authorityDecision(caseId).getId();
    String user = "lean-check-user";
    String group = "lean-check-group";
    Map<String, List<Consumer<List<Authorization>>>> scenarios = new LinkedHashMap<>();
    scenarios.put("no grant", List.of());
    scenarios.put("TASK_WORK on every task (group)", List.of(grant(null, group, Resources.TASK, "*", Permissions.TASK_WORK)));
    scenarios.put("TASK_WORK on the process (user)", List.of(grant(user, null, Resources.PROCESS_DEFINITION, CONCERN, Permissions.TASK_WORK)));
    scenarios.put("UPDATE on the task (user)", List.of(grant(user, null, Resources.TASK, taskId, Permissions.UPDATE)));
    scenarios.put("UPDATE_TASK on every process (group)", List.of(grant(null, group, Resources.PROCESS_DEFINITION, "*", Permissions.UPDATE_TASK)));
    scenarios.put("READ on the task only", List.of(grant(user, null, Resources.TASK, taskId, Permissions.READ)));
    scenarios.put("TASK_WORK on every task, revoked on this one", List.of(
        grant(null, group, Resources.TASK, "*", Permissions.TASK_WORK),
        revoke(user, Resources.TASK, taskId, Permissions.TASK_WORK)));
    Map<String, Boolean> expected = Map.of("no grant", false, "READ on the task only", false,
        "TASK_WORK on every task, revoked on this one", false);

    scenarios.forEach((scenario, authorizations) -> {
      List<Authorization> saved = new ArrayList<>();
      authorizations.forEach(save -> save.accept(saved));
      try {
        boolean[] answers = ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired()
            .execute(context -> {
              TaskEntity task = context.getTaskManager().findTaskById(taskId);
              CompositePermissionCheck taskWork = new PermissionCheckBuilder().disjunctive()
                  .atomicCheckForResourceId(Resources.TASK, taskId, Permissions.TASK_WORK)
                  .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, task.getProcessDefinition().getKey(), Permissions.TASK_WORK)
                  .atomicCheckForResourceId(Resources.TASK, taskId, Permissions.UPDATE)
                  .atomicCheckForResourceId(Resources.PROCESS_DEFINITION, task.getProcessDefinition().getKey(), Permissions.UPDATE_TASK)
                  .build();
              AuthorizationManager lean = context.getAuthorizationManager();
              assertThat(lean.getClass()).isNotEqualTo(AuthorizationManager.class);
              return new boolean[] {lean.isAuthorized(user, List.of(group), taskWork),
                  new AuthorizationManager().isAuthorized(user, List.of(group), taskWork)};
            });
        assertThat(answers[0]).as(scenario + ": the engine's answer").isEqualTo(answers[1]);
        assertThat(answers[0]).as(scenario).isEqualTo(expected.getOrDefault(scenario, true));
      } finally {
        saved.forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
      }
    });
  }

  private Task authorityDecision(String caseId) {
    return taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("user_task_authority_decision")
        .singleResult();
  }

  private Consumer<List<Authorization>> grant(String user, String group, Resource resource, String resourceId,
      Permission permission) {
    return saved -> saved.add(saved(Authorization.AUTH_TYPE_GRANT, user, group, resource, resourceId, permission));
  }

  private Consumer<List<Authorization>> revoke(String user, Resource resource, String resourceId, Permission permission) {
    return saved -> saved.add(saved(Authorization.AUTH_TYPE_REVOKE, user, null, resource, resourceId, permission));
  }

  private Authorization saved(int type, String user, String group, Resource resource, String resourceId,
      Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setUserId(user);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission); // a revoke holds every permission but those it takes away
    } else {
      authorization.addPermission(permission);
    }
    return authorizationService.saveAuthorization(authorization);
  }
}
