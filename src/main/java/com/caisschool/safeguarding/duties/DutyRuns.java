package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The yearly duties' guard ({@code ${dutyRuns.anotherUnderWay(execution)}}): this year's run of a
 * duty exists once. When the CPO started it early in Tasklist, or a run of an older version of the
 * model (scheduled by hand before the duties started themselves) is still there, the run the timer
 * starts finds the other with the same duty reference ("Policy review 2026") and ends at once.
 * A run that was deleted (cancelled in Cockpit) does not count.
 */
@Component("dutyRuns")
public class DutyRuns {

  private static final Set<String> COUNTED = Set.of(HistoricProcessInstance.STATE_ACTIVE,
      HistoricProcessInstance.STATE_SUSPENDED, HistoricProcessInstance.STATE_COMPLETED);

  public boolean anotherUnderWay(DelegateExecution execution) {
    Object reference = execution.getVariable("dutyReference");
    String processKey = execution.getProcessDefinitionId().split(":")[0];
    var services = execution.getProcessEngineServices();
    var history = services.getHistoryService();
    return SystemAccess.run(services.getIdentityService(), () -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey).list().stream()
        .filter(run -> !run.getId().equals(execution.getProcessInstanceId()))
        .filter(run -> COUNTED.contains(run.getState()))
        .anyMatch(run -> history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
            .variableName("dutyReference").list().stream()
            .anyMatch(variable -> Objects.equals(variable.getValue(), reference))));
  }
}
