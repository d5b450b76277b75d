package com.caisschool.safeguarding.cover;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An alert to a role whose every member is away also goes, at once, to each person covering
 * ({@code user:<id>}), so the alert reaches someone who is at work; the role is still told.
 * Placed after the subjects' alternates are applied; the people covering never include a subject.
 */
public class CoverForAlerts implements Notifier {

  private final Notifier next;
  private final CoverPlan plan;

  public CoverForAlerts(Notifier next, CoverPlan plan) {
    this.next = next;
    this.plan = plan;
  }

  @Override
  public void send(Notification notification) {
    List<String> recipients = new ArrayList<>(notification.recipientGroups());
    var covers = plan.coverFor(new LinkedHashSet<>(recipients), notification.caseReference());
    covers.stream().flatMap(cover -> cover.coverUsers().stream()).map(user -> Notification.ONE_PERSON + user)
        .filter(user -> !recipients.contains(user)).forEach(recipients::add);
    next.send(covers.isEmpty() ? notification : new Notification(notification.caseReference(), notification.kind(),
        recipients, notification.processInstanceId(), notification.activityId()));
  }
}
