package com.caisschool.safeguarding.notification;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.notifications}: whether alerts are also emailed, the sender address, and the
 * plain-language text of each kind of alert, in English and in the other staff languages
 * ({@code kinds-in-languages}, by language tag). A kind without text here gets a generic text, so
 * a new kind in a model needs no Java.
 */
@ConfigurationProperties("safeguarding.notifications")
public record NotificationProperties(
    boolean emailEnabled,
    String from,
    String subjectPrefix,
    Map<String, KindText> kinds,
    Map<String, Map<String, KindText>> kindsInLanguages) {

  public NotificationProperties {
    kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
    kindsInLanguages = kindsInLanguages == null ? Map.of() : Map.copyOf(kindsInLanguages);
    subjectPrefix = subjectPrefix == null ? "[CAIS Safeguarding]" : subjectPrefix;
  }

  /** How one kind of alert reads: a short title for the subject, one sentence for the body. */
  public record KindText(String title, String description) {}
}
