package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NewTaskGrants} on an engine of its own with authorizations on: a new task's candidate
 * groups and assignee get the engine's grants without a read of the authorization table first, the
 * same grants (type, permissions) as a group offered the task once it is stored, which is read
 * first as before; offering a stored task to a group again leaves one grant.
 */
class NewTaskGrantsTest {

  /** The groups and users whose grant was read from the database before it was made. */
  private final List<String> read = new ArrayList<>();
  private ProcessEngine engine;

  @BeforeEach
  void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("newTaskGrants");
    configuration.setJdbcUrl("jdbc:h2:mem:newTaskGrants;DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    configuration.setResourceAuthorizationProvider(new NewTaskGrants() {
      @Override
      protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
        read.add(groupId);
        return super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
      }

      @Override
      protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource, String resourceId) {
        read.add(userId);
        return super.getGrantAuthorizationByUserId(userId, resource, resourceId);
      }
    });
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("offered.bpmn",
        Bpmn.createExecutableProcess("offered").camundaHistoryTimeToLive(1).startEvent()
            .userTask("task").camundaCandidateGroups("cpo,dcpo").camundaAssignee("ada").endEvent().done()).deploy();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aNewTasksGrantsAreTheEnginesMadeWithoutAReadAndAStoredTaskIsReadAsBefore() {
    String processInstanceId = engine.getRuntimeService().startProcessInstanceByKey("offered").getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(read).as("grants of the new task read first").isEmpty();

    engine.getTaskService().addCandidateGroup(task.getId(), "head-of-school");
    assertThat(read).as("a stored task's new group is read first, as the engine does").containsExactly("head-of-school");

    Map<String, Integer> grants = grantsOn(task.getId());
    assertThat(grants).containsOnlyKeys("cpo", "dcpo", "head-of-school", "ada");
    assertThat(grants.get("cpo")).as("a new task's group: the engine's permissions")
        .isEqualTo(grants.get("head-of-school")).isEqualTo(grants.get("dcpo"));

    engine.getTaskService().addCandidateGroup(task.getId(), "cpo");
    assertThat(grantsOn(task.getId())).as("offered again: still one grant each").isEqualTo(grants);
  }

  /** Grants on the task by group or user, with their permissions; fails on two for the same one. */
  private Map<String, Integer> grantsOn(String taskId) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(taskId).list().stream().peek(grant -> assertThat(grant.getAuthorizationType())
            .isEqualTo(Authorization.AUTH_TYPE_GRANT))
        .collect(Collectors.toMap(grant -> grant.getGroupId() != null ? grant.getGroupId() : grant.getUserId(),
            grant -> ((AuthorizationEntity) grant).getPermissions()));
  }
}
