package com.caisschool.safeguarding.startpage;

import com.caisschool.safeguarding.labels.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who has been alerted about a report, by role and never by name, in the reader's language: a
 * role's name from {@code safeguarding.roles}, or its {@code role.<group>} message in another
 * language; the person on call by what they are.
 */
@Component
class AlertedRoles {

  private final Labels labels;
  private final MessageSource messages;

  AlertedRoles(Labels labels, MessageSource messages) {
    this.labels = labels;
    this.messages = messages;
  }

  /** The roles alerted so far, as a list to read; blank while the alerts are still being sent. */
  String who(StartPage.OwnReport report, Locale locale) {
    List<String> names = new ArrayList<>();
    report.alertedGroups().forEach(group -> names.add(messages.getMessage("role." + group, null, labels.role(group), locale)));
    if (report.onCallAlerted()) {
      names.add(messages.getMessage("confirmation.onCall", null, locale));
    }
    return String.join(messages.getMessage("confirmation.listSeparator", null, locale), names);
  }
}
