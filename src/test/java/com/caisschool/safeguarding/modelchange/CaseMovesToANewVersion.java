package com.caisschool.safeguarding.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.casefile.EntryKind;
import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case waiting at the Case Study Team on one version of the concern model moves to the next
 * version and keeps its task, its deadline and its timers; the move is in its case file. Run on H2
 * (through the administrators' page) and on PostgreSQL.
 */
abstract class CaseMovesToANewVersion {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired Chronology chronology;

  /** A new concern, reported and triaged to the Case Study Team; its process instance id. */
  abstract String caseAtTheCaseStudyTeam();

  /** An administrator moves the case from one version to the other; returns who is recorded. */
  abstract String move(String sourceId, String targetId, String processInstanceId);

  @AfterEach
  void removeTestVersions() {
    ModelFileSets.removeTestVersions(repositoryService);
  }

  @Test
  void aCaseWaitingAtTheCaseStudyTeamMovesToTheNextVersionWithItsTaskDeadlineAndTimers() {
    String caseId = caseAtTheCaseStudyTeam();
    String versionOne = runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult()
        .getProcessDefinitionId();
    Task team = taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("user_task_case_study_team")
        .singleResult();
    Map<String, Date> timers = timersOf(caseId);
    assertThat(timers).as("the team's deadline timer").isNotEmpty();

    String versionTwo = deployTheNextVersion();
    assertThat(versionTwo).isNotEqualTo(versionOne);
    String mover = move(versionOne, versionTwo, caseId);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult()
        .getProcessDefinitionId()).isEqualTo(versionTwo);
    Task moved = taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("user_task_case_study_team")
        .singleResult();
    assertThat(moved.getId()).as("the same task").isEqualTo(team.getId());
    assertThat(moved.getDueDate()).isEqualTo(team.getDueDate());
    assertThat(moved.getProcessDefinitionId()).isEqualTo(versionTwo);
    assertThat(timersOf(caseId)).as("the same timers, due when they were").isEqualTo(timers);
    assertThat(managementService.createJobQuery().processInstanceId(caseId).timers().list())
        .allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isEqualTo(versionTwo));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult()
        .getBusinessKey();
    assertThat(chronology.ofCase(reference)).filteredOn(entry -> entry.kind() == EntryKind.MODEL_VERSION_CHANGED)
        .singleElement().satisfies(entry -> {
          assertThat(entry.actor()).isEqualTo(mover);
          assertThat(entry.details()).contains("to version").contains("3-moved");
        });
  }

  /** The concern model with another policy version, deployed as the application's code would. */
  private String deployTheNextVersion() {
    var deployment = repositoryService.createDeployment().name(ModelFileSets.NEXT_VERSION);
    ModelFileSets.concernWithVersionTag("3-moved").forEach((name, content) ->
        deployment.addInputStream(name, new ByteArrayInputStream(content)));
    String deploymentId = deployment.deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey("safeguarding-concern").singleResult().getId();
  }

  private Map<String, Date> timersOf(String caseId) {
    return managementService.createJobQuery().processInstanceId(caseId).timers().list().stream()
        .collect(Collectors.toMap(Job::getId, Job::getDuedate));
  }
}
