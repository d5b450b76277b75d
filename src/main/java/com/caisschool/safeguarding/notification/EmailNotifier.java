package com.caisschool.safeguarding.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Emails an alert to every member of its recipient groups who has an email address (each address
 * once, in one message), then records it like {@link NotificationLog}. A mail server that refuses
 * or cannot be reached throws: the engine retries the job and raises an incident when the retries
 * are spent. The record is written only after the mail went out, in the job's transaction, so a
 * retried job does not leave two records. The people the case is about are left out.
 */
public class EmailNotifier implements Notifier {

  private final Notifier record;
  private final JavaMailSender mailSender;
  private final IdentityService identityService;
  private final NotificationEmails emails;
  private final String from;
  private final CaseRecipients recipients;

  public EmailNotifier(Notifier record, JavaMailSender mailSender, IdentityService identityService,
      NotificationEmails emails, String from, CaseRecipients recipients) {
    this.recipients = recipients;
    this.record = record;
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.emails = emails;
    this.from = from;
  }

  @Override
  public void send(Notification notification) {
    Collection<String> addresses = addressesOf(notification);
    if (addresses.isEmpty()) {
      throw new IllegalStateException("No member of " + notification.recipientGroups()
          + " has an email address: add one in Camunda Admin, then retry this job in Cockpit.");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(addresses.toArray(String[]::new));
    message.setSubject(emails.subject(notification));
    message.setText(emails.body(notification));
    mailSender.send(message);
    record.send(notification);
  }

  private Collection<String> addressesOf(Notification notification) {
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    // The people the case is about are never told, whatever group they are in.
    Set<String> excluded = recipients.excludedFrom(notification.caseReference());
    for (String group : notification.recipientGroups()) {
      // "user:<id>" is one person (a reminder of their own task); anything else is a role.
      var users = group.startsWith(Notification.ONE_PERSON)
          ? identityService.createUserQuery().userId(group.substring(Notification.ONE_PERSON.length()))
          : identityService.createUserQuery().memberOfGroup(group);
      for (User user : users.orderByUserId().asc().list()) {
        String email = user.getEmail();
        if (excluded.contains(user.getId())) {
          continue;
        }
        if (email != null && !email.isBlank()) {
          byLowerCase.putIfAbsent(email.trim().toLowerCase(Locale.ROOT), email.trim());
        }
      }
    }
    return byLowerCase.values();
  }
}
