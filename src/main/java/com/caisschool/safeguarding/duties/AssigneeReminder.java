package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.notification.AlertReference;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import com.caisschool.safeguarding.security.SystemAccess;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * Behind "Remind ...": one alert ({@code notificationKind}) to each person who still holds an open
 * task of the step {@code remindTasksOf} in this duty, and to nobody who has already done it.
 * Recipients are named {@code user:<id>}, which the notifier sends to that person only.
 */
public class AssigneeReminder implements JavaDelegate {


  private final Notifier notifier;

  public AssigneeReminder(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var services = execution.getProcessEngineServices();
    List<Task> open = SystemAccess.run(services.getIdentityService(), () -> services.getTaskService()
        .createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey((String) execution.getVariable("remindTasksOf")).list());
    List<String> recipients = open.stream().map(Task::getAssignee).filter(Objects::nonNull).distinct().sorted()
        .map(assignee -> Notification.ONE_PERSON + assignee).toList();
    if (recipients.isEmpty()) {
      return;
    }
    notifier.send(new Notification(AlertReference.of(execution), (String) execution.getVariable("notificationKind"),
        recipients, execution.getProcessInstanceId(), execution.getCurrentActivityId()));
  }
}
