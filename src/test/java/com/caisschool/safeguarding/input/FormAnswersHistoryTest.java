package com.caisschool.safeguarding.input;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A submitted form leaves no "form property" copy of its answers in the engine's history
 * ({@link LongTextHistory}, issue 25), and still leaves everything the history tells of it: each
 * answer as a variable update with its value, and the completion by the person who submitted it in
 * the operation log.
 */
@ApplicationTest
class FormAnswersHistoryTest {

  static final String OBSERVED = "Form-history observation: a bruise on the wrist";
  static final String RATIONALE = "Form-history rationale: the nurse saw it too";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void aSubmissionIsInTheHistoryOnceAsItsVariablesAndTheCompletion() {
    CaseSteps steps = new CaseSteps(port, taskService);
    String id = steps.reportConcern(with(bruises("Fenna Formhistory-Testchild"), "observations", OBSERVED));
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    steps.decideAuthoritiesNotNow(cpo, id);
    Task triage = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("user_task_cpo_triage")
        .singleResult();
    steps.submitTask(cpo, id, "user_task_cpo_triage", form("initialFacts", "Seen by the nurse",
        "authorityReportDue", "no", "triageDecision", "close", "triageRationale", RATIONALE));

    assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).formFields().count())
        .as("form-property copies of the report's and the tasks' answers").isZero();
    Map<String, List<Object>> updates = historyService.createHistoricDetailQuery().processInstanceId(id)
        .variableUpdates().list().stream().map(HistoricVariableUpdate.class::cast)
        .collect(Collectors.groupingBy(HistoricVariableUpdate::getVariableName,
            Collectors.mapping(HistoricVariableUpdate::getValue, Collectors.toList())));
    assertThat(updates.get("observations")).containsExactly(OBSERVED);
    assertThat(updates.get("triageRationale")).containsExactly(RATIONALE);
    assertThat(updates).containsKeys("initialFacts", "triageDecision", "authorityDecisionReason");
    assertThat(historyService.createUserOperationLogQuery().taskId(triage.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .extracting(UserOperationLogEntry::getUserId).containsExactly("cpo");
  }
}
