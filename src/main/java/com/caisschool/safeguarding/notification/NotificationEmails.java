package com.caisschool.safeguarding.notification;

import com.caisschool.safeguarding.notification.NotificationProperties.KindText;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the subject and body of an alert email from the kind of event and the case reference
 * alone: the email never carries a child's name or any fact of the case, only a link to Tasklist,
 * where the reader signs in to see them.
 */
public class NotificationEmails {

  static final String GENERIC_DESCRIPTION =
      "A safeguarding case needs your attention.";

  private final String subjectPrefix;
  private final Map<String, KindText> kinds;
  private final String tasklistUrl;

  public NotificationEmails(String subjectPrefix, Map<String, KindText> kinds, String publicBaseUrl) {
    this.subjectPrefix = subjectPrefix;
    this.kinds = kinds;
    this.tasklistUrl = publicBaseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/";
  }

  public String subject(Notification notification) {
    return subjectPrefix + " " + title(notification.kind()) + " – case " + notification.caseReference();
  }

  public String body(Notification notification) {
    return description(notification.kind()) + "\n\n"
        + "Case reference: " + notification.caseReference() + "\n"
        + "Open your tasks in Tasklist: " + tasklistUrl + "\n\n"
        + "This message deliberately contains no names or details of the case."
        + " Sign in to see them, and do not forward this message.\n";
  }

  public String tasklistUrl() {
    return tasklistUrl;
  }

  private String title(String kind) {
    KindText text = kinds.get(kind);
    if (text != null && text.title() != null && !text.title().isBlank()) {
      return text.title();
    }
    String words = kind == null || kind.isBlank() ? "Safeguarding alert" : kind.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private String description(String kind) {
    KindText text = kinds.get(kind);
    return text != null && text.description() != null && !text.description().isBlank()
        ? text.description() : GENERIC_DESCRIPTION;
  }
}
