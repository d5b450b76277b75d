package com.caisschool.safeguarding.notification;

import com.caisschool.safeguarding.language.StaffLanguage;
import com.caisschool.safeguarding.notification.NotificationProperties.KindText;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Writes the subject and body of an alert email from the kind of event and the case reference
 * alone: the email never carries a child's name or any fact of the case, only a link to Tasklist,
 * where the reader signs in to see them. Each recipient reads it in their language: the kind's
 * text from {@code safeguarding.notifications.kinds-in-languages}, the fixed sentences from the
 * messages bundle ({@code email.*}); English where a text is missing.
 */
public class NotificationEmails {

  static final String GENERIC_DESCRIPTION =
      "A safeguarding case needs your attention.";

  private final String subjectPrefix;
  private final Map<String, KindText> kinds;
  private final Map<StaffLanguage, Map<String, KindText>> kindsInLanguages;
  private final String tasklistUrl;

  /** English only. */
  public NotificationEmails(String subjectPrefix, Map<String, KindText> kinds, String publicBaseUrl) {
    this(subjectPrefix, kinds, Map.of(), publicBaseUrl);
  }

  /** {@code kindsInLanguages}: language tag ({@code zh-CN}) → kind → its text in that language. */
  public NotificationEmails(String subjectPrefix, Map<String, KindText> kinds,
      Map<String, Map<String, KindText>> kindsInLanguages, String publicBaseUrl) {
    this.subjectPrefix = subjectPrefix;
    this.kinds = kinds;
    this.kindsInLanguages = new EnumMap<>(StaffLanguage.class);
    kindsInLanguages.forEach((tag, texts) -> StaffLanguage.of(tag).ifPresent(
        language -> this.kindsInLanguages.put(language, Map.copyOf(texts))));
    this.tasklistUrl = publicBaseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/";
  }

  public String subject(Notification notification) {
    return subject(notification, StaffLanguage.ENGLISH);
  }

  public String body(Notification notification) {
    return body(notification, StaffLanguage.ENGLISH);
  }

  public String subject(Notification notification, StaffLanguage language) {
    return subjectPrefix + " " + title(notification.kind(), language) + " – "
        + sentence("email.case", language) + " " + notification.caseReference();
  }

  public String body(Notification notification, StaffLanguage language) {
    return description(notification.kind(), language) + "\n\n"
        + sentence("email.reference", language) + " " + notification.caseReference() + "\n"
        + sentence("email.tasklist", language) + " " + tasklistUrl + "\n\n"
        + sentence("email.noDetails", language) + "\n";
  }

  public String tasklistUrl() {
    return tasklistUrl;
  }

  private String title(String kind, StaffLanguage language) {
    KindText text = text(kind, language);
    if (text != null && text.title() != null && !text.title().isBlank()) {
      return text.title();
    }
    if (language != StaffLanguage.ENGLISH && (kind == null || !kinds.containsKey(kind))) {
      return sentence("email.genericTitle", language);
    }
    String words = kind == null || kind.isBlank() ? "Safeguarding alert" : kind.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private String description(String kind, StaffLanguage language) {
    KindText text = text(kind, language);
    if (text != null && text.description() != null && !text.description().isBlank()) {
      return text.description();
    }
    return language == StaffLanguage.ENGLISH ? GENERIC_DESCRIPTION : sentence("email.generic", language);
  }

  /** The kind's text in the language, else in English. */
  private KindText text(String kind, StaffLanguage language) {
    KindText translated = kindsInLanguages.getOrDefault(language, Map.of()).get(kind);
    return translated != null ? translated : kinds.get(kind);
  }

  private static String sentence(String key, StaffLanguage language) {
    // No fallback to the server's own language: English is the bundle without a suffix.
    return ResourceBundle.getBundle("messages", language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
  }
}
