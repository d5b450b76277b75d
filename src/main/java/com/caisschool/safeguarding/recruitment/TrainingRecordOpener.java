package com.caisschool.safeguarding.recruitment;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Behind "Open the training record (induction)": once the start is confirmed (or allowed under a
 * risk assessment), starts the person's {@code staff-training} record with their user id and start
 * date, so the induction training is due from the start date. Only once per recruitment.
 */
@Component("openTrainingRecord")
public class TrainingRecordOpener implements JavaDelegate {

  static final String TRAINING_PROCESS = "staff-training";

  @Override
  public void execute(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable("startConfirmed"))) {
      return;
    }
    var services = execution.getProcessEngineServices();
    String trainingRecord = SystemAccess.run(services.getIdentityService(), () -> services.getRuntimeService()
        .startProcessInstanceByKey(TRAINING_PROCESS, Map.of("staffMember", execution.getVariable("staffUserId"),
            "startDate", execution.getVariable("startDate"))).getId());
    execution.setVariable("startConfirmed", true);
    execution.setVariable("trainingRecordId", trainingRecord);
  }
}
