package com.caisschool.safeguarding.forms;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whether the caller may work on a task is asked once per submission ({@link TaskWorkCheckedOnce},
 * issue 25), before the form is checked: someone not allowed is still refused on both ways in,
 * hears nothing of the form whatever they send, and the task stays open; the task's holder
 * completes it.
 */
@ApplicationTest
class TaskWorkCheckedOnceTest {

  private static final Map<String, Object> TRIAGE = form("initialFacts", "Bruises seen twice",
      "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "The team should decide");

  @LocalServerPort int port;
  @Autowired TaskService taskService;

  @Test
  void someoneNotAllowedToWorkOnTheTaskIsRefusedBeforeTheFormAndTheHolderCompletesIt() {
    CaseSteps steps = new CaseSteps(port, taskService);
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    String id = steps.reportConcern(bruises("Tove Oncecheck-Testchild"));
    steps.decideAuthoritiesNotNow(cpo, id);
    String triage = openTriage(id);
    @SuppressWarnings("unchecked")
    Map<String, Object> withExtra = new HashMap<>((Map<String, Object>) TRIAGE.get("variables"));
    withExtra.put("concernAbout", string("student"));

    for (String path : List.of("/complete", "/submit-form")) {
      for (Map<String, Object> sent : List.of(TRIAGE, Map.<String, Object>of("variables", withExtra))) {
        RestApi.Reply refused = teacher.post("/task/" + triage + path, sent);
        assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("concernAbout").doesNotContain("initialFacts");
      }
    }
    assertThat(taskService.createTaskQuery().taskId(triage).count()).as("the task stays open").isOne();

    assertThat(cpo.post("/task/" + triage + "/submit-form", TRIAGE).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(triage).count()).as("completed by its holder").isZero();
  }

  private String openTriage(String processInstanceId) {
    List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("user_task_cpo_triage").list();
    assertThat(open).as("triage open").hasSize(1);
    return open.get(0).getId();
  }
}
