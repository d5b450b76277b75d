package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.security.SystemAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Behind "Schedule next year's ...": starts the next instance of the same duty (latest version of
 * its model), handing over exactly the input parameters the model gives the task (the next date).
 * The new instance waits for its own timer; this one finishes its year.
 */
public class NextCycleStarter implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String processKey = execution.getProcessDefinitionId().split(":")[0];
    var services = execution.getProcessEngineServices();
    SystemAccess.run(services.getIdentityService(), () -> services.getRuntimeService()
        .startProcessInstanceByKey(processKey, execution.getVariablesLocal()));
  }
}
