package com.caisschool.safeguarding.emailintake;

import com.caisschool.safeguarding.reporting.ChannelConcerns;
import com.caisschool.safeguarding.reporting.PublicReportProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The CPO mailbox is read only with {@code safeguarding.email-intake.enabled=true}. */
@Configuration
@ConditionalOnProperty(name = "safeguarding.email-intake.enabled", havingValue = "true")
class EmailIntakeConfig {

  @Bean
  MailboxIntake mailboxIntake(EmailIntakeProperties mailbox, PublicReportProperties limits,
      ChannelConcerns concerns, JdbcTemplate jdbc, TransactionTemplate transaction) {
    if (mailbox.host() == null || mailbox.host().isBlank()) {
      throw new IllegalStateException("safeguarding.email-intake.enabled is true but no IMAP host is set"
          + " (SAFEGUARDING_EMAIL_INTAKE_HOST)");
    }
    return new MailboxIntake(mailbox, new IntakeMessages(limits.maxTextLength(), limits.maxNameLength()),
        concerns, jdbc, transaction);
  }

  @Bean
  MailboxPolling mailboxPolling(MailboxIntake intake) {
    return new MailboxPolling(intake);
  }
}
