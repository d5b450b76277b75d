package com.caisschool.safeguarding.emailintake;

import com.caisschool.safeguarding.reporting.ChannelConcerns;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns each new message of the CPO mailbox into a concern for CPO triage, exactly once: the
 * message's key goes into {@code email_intake} in the transaction that starts the concern, and the
 * message is marked in the mailbox only after that transaction committed. A failure leaves the
 * message unmarked and it is taken at the next poll; a message marked late (a crash between commit
 * and marking) is found in the table and only marked. Messages are read with IMAP PEEK, so reading
 * alone never marks them. Logs carry message numbers, never a sender, subject or text.
 */
public class MailboxIntake {

  private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);

  private final EmailIntakeProperties mailbox;
  private final IntakeMessages messages;
  private final ChannelConcerns concerns;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public MailboxIntake(EmailIntakeProperties mailbox, IntakeMessages messages, ChannelConcerns concerns,
      JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.mailbox = mailbox;
    this.messages = messages;
    this.concerns = concerns;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** Reads the mailbox once; returns how many concerns were started. */
  public int poll() {
    int started = 0;
    Store store = null;
    try {
      store = session().getStore(mailbox.protocol());
      store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
      Folder folder = store.getFolder(mailbox.folder());
      folder.open(Folder.READ_WRITE);
      try {
        for (Message message : folder.search(notYetMarked())) {
          started += take(message) ? 1 : 0;
        }
      } finally {
        folder.close(false);
      }
    } catch (MessagingException e) {
      log.warn("Email intake: the mailbox could not be read ({}); trying again at the next poll", e.getClass().getSimpleName());
    } finally {
      close(store);
    }
    return started;
  }

  /** One message: start its concern unless already recorded, then mark it. */
  private boolean take(Message message) {
    int number = message.getMessageNumber();
    try {
      IntakeMessages.Read read = messages.read(message);
      boolean started = Boolean.TRUE.equals(transaction.execute(status -> recordOnce(read)));
      mark(message);
      if (started) {
        log.info("Email intake: message {} recorded as a concern", number);
      }
      return started;
    } catch (DuplicateKeyException recordedMeanwhile) {
      // Another node recorded it between our check and insert: its concern stands, ours rolled back.
      markQuietly(message);
      return false;
    } catch (RuntimeException | MessagingException | IOException e) {
      log.warn("Email intake: message {} not taken ({}); it stays unmarked and is tried again at the next poll",
          number, e.getClass().getSimpleName());
      return false;
    }
  }

  private Boolean recordOnce(IntakeMessages.Read read) {
    Integer known = jdbc.queryForObject("select count(*) from email_intake where message_key = ?", Integer.class,
        read.key());
    if (known != null && known > 0) {
      return false;
    }
    String processInstanceId = concerns.start(read.report());
    jdbc.update("insert into email_intake (message_key, process_instance_id, recorded_at) values (?, ?, ?)",
        read.key(), processInstanceId, Timestamp.from(Instant.now()));
    return true;
  }

  private SearchTerm notYetMarked() {
    return mailbox.marksWithKeyword()
        ? new NotTerm(new FlagTerm(new Flags(mailbox.processedKeyword()), true))
        : new FlagTerm(new Flags(Flags.Flag.SEEN), false);
  }

  private void mark(Message message) throws MessagingException {
    if (mailbox.marksWithKeyword()) {
      message.setFlags(new Flags(mailbox.processedKeyword()), true);
    } else {
      message.setFlag(Flags.Flag.SEEN, true);
    }
  }

  private void markQuietly(Message message) {
    try {
      mark(message);
    } catch (MessagingException e) {
      log.warn("Email intake: message {} could not be marked ({})", message.getMessageNumber(), e.getClass().getSimpleName());
    }
  }

  private Session session() {
    Properties properties = new Properties();
    String protocol = mailbox.protocol();
    // PEEK: fetching a message's text must not set \Seen before its concern exists.
    properties.put("mail." + protocol + ".peek", "true");
    properties.put("mail." + protocol + ".connectiontimeout", "10000");
    properties.put("mail." + protocol + ".timeout", "30000");
    return Session.getInstance(properties);
  }

  private static void close(Store store) {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException ignored) {
        // nothing to do: the next poll opens a new connection
      }
    }
  }
}
