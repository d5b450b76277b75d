package com.caisschool.safeguarding.notification;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behind every "Alert ..." service task: reads the kind and the recipient roles from the task's
 * input parameters ({@code notificationKind}, {@code notificationRecipients}) and sends it.
 */
public class NotifyDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyDelegate.class);

  private final Notifier notifier;

  public NotifyDelegate(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String recipients = (String) execution.getVariable("notificationRecipients");
    String reference = AlertReference.of(execution);
    log.debug("Alert {} for {} to {}", execution.getVariable("notificationKind"), reference, recipients);
    notifier.send(new Notification(
        reference,
        (String) execution.getVariable("notificationKind"),
        Arrays.stream(recipients.split(",")).map(String::trim).toList(),
        execution.getProcessInstanceId(),
        execution.getCurrentActivityId()));
  }
}
