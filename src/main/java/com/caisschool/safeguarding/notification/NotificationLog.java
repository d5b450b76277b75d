package com.caisschool.safeguarding.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records every notification in the application's {@code notification} table, so that what the
 * school was told, and when, can be shown. {@link EmailNotifier} sends the email, then this record.
 * The recorded notification is also published as an application event (the case file's
 * chronology takes it from there), within the same transaction.
 */
public class NotificationLog implements Notifier {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  public NotificationLog(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Override
  public void send(Notification notification) {
    jdbc.update("insert into notification (case_reference, kind, recipients, process_instance_id,"
            + " activity_id, created_at) values (?, ?, ?, ?, ?, ?)",
        notification.caseReference(), notification.kind(),
        String.join(",", notification.recipientGroups()), notification.processInstanceId(),
        notification.activityId(), Timestamp.from(Instant.now()));
    events.publishEvent(notification);
  }
}
