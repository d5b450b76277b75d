package com.caisschool.safeguarding.testing;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import java.util.ArrayList;
import java.util.List;

/** The notifications a process test caused, in order (the outbound side of the plain engine). */
public class RecordedNotifications implements Notifier {

  private final List<Notification> sent = new ArrayList<>();

  @Override
  public void send(Notification notification) {
    sent.add(notification);
  }

  public List<String> kinds() {
    return sent.stream().map(Notification::kind).toList();
  }

  public List<Notification> all() {
    return List.copyOf(sent);
  }
}
