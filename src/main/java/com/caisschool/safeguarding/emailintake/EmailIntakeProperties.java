package com.caisschool.safeguarding.emailintake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.email-intake}: the CPO mailbox read over IMAP (off by default), and how a
 * message is marked once its concern is started: the IMAP keyword {@code processedKeyword}, or
 * {@code \Seen} when that is empty.
 */
@ConfigurationProperties("safeguarding.email-intake")
public record EmailIntakeProperties(
    boolean enabled,
    String host,
    int port,
    String protocol,
    String username,
    String password,
    String folder,
    String processedKeyword,
    Duration pollInterval) {

  public EmailIntakeProperties {
    protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol;
    folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
  }

  boolean marksWithKeyword() {
    return processedKeyword != null && !processedKeyword.isBlank();
  }
}
