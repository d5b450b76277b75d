package com.caisschool.safeguarding.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** A case moved through the running application's REST API as the people involved would move it. */
public final class CaseSteps {

  private final int port;
  private final TaskService tasks;

  public CaseSteps(int port, TaskService tasks) {
    this.port = port;
    this.tasks = tasks;
  }

  /** The teacher reports a concern; returns its process instance id. */
  public String reportConcern(Map<String, Object> variables) {
    return start(ConcernReports.SUBMIT, variables);
  }

  /** The teacher submits a start form (such as {@code /process-definition/key/…/submit-form}). */
  public String start(String submitPath, Map<String, Object> variables) {
    RestApi.Reply started = RestApi.as(port, "teacher", "demo").post(submitPath, Map.of("variables", variables));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  /**
   * The user completes the case's open task with the form's values. A task behind an asynchronous
   * step appears only once the test has run the case's due jobs ({@link DueJobs}).
   */
  public void submitOpenTask(RestApi user, String processInstanceId, Map<String, Object> form) {
    List<Task> open = openTasks(processInstanceId);
    assertThat(open).as("open tasks of " + processInstanceId).isNotEmpty();
    RestApi.Reply done = user.post("/task/" + open.get(0).getId() + "/submit-form", form);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  /** Submits the form of the open task with this id in the model (a case may have several open at once). */
  public void submitTask(RestApi user, String processInstanceId, String taskKey, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " open in " + processInstanceId).isNotNull();
    RestApi.Reply done = user.post("/task/" + task.getId() + "/submit-form", form);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  public List<Task> openTasks(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).list();
  }
}
