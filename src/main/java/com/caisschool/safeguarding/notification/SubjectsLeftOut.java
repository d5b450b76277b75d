package com.caisschool.safeguarding.notification;

/**
 * First in the chain of notifiers: a recipient group made up only of people the case is about is
 * replaced by the group that acts for it, so that the alert is recorded and sent to someone who
 * can act and never to the subject ({@link EmailNotifier} also leaves each subject out of a group).
 */
public class SubjectsLeftOut implements Notifier {

  private final Notifier next;
  private final CaseRecipients recipients;

  public SubjectsLeftOut(Notifier next, CaseRecipients recipients) {
    this.next = next;
    this.recipients = recipients;
  }

  @Override
  public void send(Notification notification) {
    next.send(new Notification(notification.caseReference(), notification.kind(),
        notification.recipientGroups().stream()
            .map(group -> recipients.actingFor(group, notification.caseReference())).distinct().toList(),
        notification.processInstanceId(), notification.activityId()));
  }
}
