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
   * step appears only once the test has run the case's due jobs ({@link DueJobs}); where that leaves
   * more than one open (a report of suspected abuse: the authorities' decision beside triage), name
   * the task with {@link #submitTask}, as the order of open tasks is not fixed.
   */
  public void submitOpenTask(RestApi user, String processInstanceId, Map<String, Object> form) {
    List<Task> open = openTasks(processInstanceId);
    assertThat(open).as("open tasks of " + processInstanceId).isNotEmpty();
    RestApi.Reply done = user.post("/task/" + open.get(0).getId() + "/submit-form", form);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  /**
   * Abuse suspected (the bruise report): the CPO's first-hour decision that the authorities need not
   * be told at once, so that triage is the case's only open task.
   */
  public void decideAuthoritiesNotNow(RestApi cpo, String processInstanceId) {
    submitTask(cpo, processInstanceId, "user_task_authority_decision", ConcernReports.form("authoritiesToldNow", "no",
        "authorityDecisionReason", "Marks explained by the school nurse; triage gathers the facts"));
  }

  /** A second person of the sign-off roles agrees that triage closes the case. */
  public void signOffTriageClosure(RestApi signer, String processInstanceId) {
    submitTask(signer, processInstanceId, "user_task_triage_close_sign_off", ConcernReports.form("triageSignOff",
        "approve", "triageSignOffReason", "Agreed: no child-protection concern"));
  }

  /** The user completes the case's open task of that kind with the form's values. */
  public void submitTask(RestApi user, String processInstanceId, String taskDefinitionKey, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    assertThat(task).as(taskDefinitionKey + " of " + processInstanceId).isNotNull();
    RestApi.Reply done = user.post("/task/" + task.getId() + "/submit-form", form);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  public List<Task> openTasks(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).list();
  }
}
