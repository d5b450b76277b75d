package com.caisschool.safeguarding.notification;

import com.caisschool.safeguarding.language.StaffLanguage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Emails an alert to every member of its recipient groups who has an email address (each address
 * once, in one message), then records it like {@link NotificationLog}. A mail server that refuses
 * or cannot be reached throws: the engine retries the job and raises an incident when the retries
 * are spent. The record is written only after the mail went out, in the job's transaction, so a
 * retried job does not leave two records. The people the case is about are left out. Each
 * recipient reads it in their own language (one message per language).
 */
public class EmailNotifier implements Notifier {

  private final Notifier record;
  private final JavaMailSender mailSender;
  private final IdentityService identityService;
  private final NotificationEmails emails;
  private final String from;
  private final CaseRecipients recipients;
  private final Function<String, StaffLanguage> userLanguage;

  /** Everyone in English. */
  public EmailNotifier(Notifier record, JavaMailSender mailSender, IdentityService identityService,
      NotificationEmails emails, String from, CaseRecipients recipients) {
    this(record, mailSender, identityService, emails, from, recipients, user -> StaffLanguage.ENGLISH);
  }

  /** {@code userLanguage}: user id → the language they read. */
  public EmailNotifier(Notifier record, JavaMailSender mailSender, IdentityService identityService,
      NotificationEmails emails, String from, CaseRecipients recipients, Function<String, StaffLanguage> userLanguage) {
    this.userLanguage = userLanguage;
    this.recipients = recipients;
    this.record = record;
    this.mailSender = mailSender;
    this.identityService = identityService;
    this.emails = emails;
    this.from = from;
  }

  @Override
  public void send(Notification notification) {
    Map<StaffLanguage, Collection<String>> addresses = addressesOf(notification);
    if (addresses.isEmpty()) {
      throw new IllegalStateException("No member of " + notification.recipientGroups()
          + " has an email address: add one in Camunda Admin, then retry this job in Cockpit.");
    }
    addresses.forEach((language, to) -> {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo(to.toArray(String[]::new));
      message.setSubject(emails.subject(notification, language));
      message.setText(emails.body(notification, language));
      mailSender.send(message);
    });
    record.send(notification);
  }

  /** Each address once, by the language its owner reads. */
  private Map<StaffLanguage, Collection<String>> addressesOf(Notification notification) {
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    Map<String, StaffLanguage> languages = new LinkedHashMap<>();
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
          String key = email.trim().toLowerCase(Locale.ROOT);
          if (byLowerCase.putIfAbsent(key, email.trim()) == null) {
            languages.put(key, userLanguage.apply(user.getId()));
          }
        }
      }
    }
    Map<StaffLanguage, Collection<String>> byLanguage = new EnumMap<>(StaffLanguage.class);
    byLowerCase.forEach((key, email) -> byLanguage.computeIfAbsent(languages.get(key), l -> new ArrayList<>()).add(email));
    return byLanguage;
  }
}
