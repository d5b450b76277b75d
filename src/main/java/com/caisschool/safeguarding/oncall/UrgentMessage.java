package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.NotificationEmails;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The text a person on call receives by robot and SMS: the kind of alert and the case reference
 * (as in the email's subject), the link that acknowledges it and the link to Tasklist. Built from
 * those alone, so it cannot carry a name or a fact of the case.
 */
public class UrgentMessage {

  private final NotificationEmails emails;
  private final AcknowledgementLinks links;

  public UrgentMessage(NotificationEmails emails, AcknowledgementLinks links) {
    this.emails = emails;
    this.links = links;
  }

  /** The message for the person this step of the alert is for ({@code onCallPerson}). */
  String textFor(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    String kind = (String) execution.getVariable("alertKind");
    String person = person(execution);
    return emails.subject(new Notification(reference, kind, List.of(), null, null)) + "\n"
        + "You are on call. Acknowledge: " + links.link(execution.getProcessInstanceId(), person) + "\n"
        + "Sign in to act: " + emails.tasklistUrl();
  }

  static String person(DelegateExecution execution) {
    Object person = execution.getVariable(NextOnCall.PERSON);
    if (person == null) {
      throw new IllegalStateException("No person on call to send to in " + execution.getCurrentActivityId());
    }
    return person.toString();
  }
}
