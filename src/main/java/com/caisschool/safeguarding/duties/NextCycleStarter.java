package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.security.SystemAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Behind "Schedule next year's ..." of the yearly duties' first versions (started by hand, each
 * year starting the next): starts the next instance of the same duty, handing over exactly the
 * input parameters the model gives the task (the next date). The current versions start themselves
 * by a yearly timer: when the latest version has one waiting, nothing is started here (the timer
 * starts next year's run), so a run of an old version never starts a duplicate.
 */
public class NextCycleStarter implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String processKey = execution.getProcessDefinitionId().split(":")[0];
    var services = execution.getProcessEngineServices();
    SystemAccess.run(services.getIdentityService(), () -> {
      String latest = services.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
          .latestVersion().singleResult().getId();
      boolean startsItself = services.getManagementService().createJobQuery().processDefinitionId(latest).timers()
          .list().stream().anyMatch(job -> job.getProcessInstanceId() == null);
      if (!startsItself) {
        services.getRuntimeService().startProcessInstanceByKey(processKey, execution.getVariablesLocal());
      }
    });
  }
}
