package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.casefile.Children;
import com.caisschool.safeguarding.casefile.MorningRetentionReview;
import com.caisschool.safeguarding.emailintake.MailboxPolling;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database, both with the morning retention review and
 * the mailbox poll scheduled (README "Two application nodes"): when both run them at the same
 * moment, each due file is flagged once and each message becomes one concern, and while one node
 * holds a job's lock the other skips it. The tests run the scheduled methods themselves, through
 * the same lock the scheduler goes through; the nodes' own schedules are off (cron "-", a poll
 * interval of ten hours).
 */
@Tag("postgres")
class OncePerClusterPostgresTest {

  private static final int IMAP_PORT = freePort();
  private static final String MAILBOX = "cpo@caisschool.com";
  private static final String KEYWORD = "CaisSafeguardingRecorded";

  private static GreenMail mail;
  private static PostgresNode nodeD;
  private static PostgresNode nodeE;

  @BeforeAll
  static void startTwoNodesWithTheMailbox() {
    mail = new GreenMail(new ServerSetup(IMAP_PORT, "localhost", ServerSetup.PROTOCOL_IMAP));
    mail.start();
    mail.setUser(MAILBOX, MAILBOX, "mailbox-secret");
    Map<String, Object> scheduledWork = Map.of(
        "safeguarding.email-intake.enabled", "true",
        "safeguarding.email-intake.host", "localhost",
        "safeguarding.email-intake.port", IMAP_PORT,
        "safeguarding.email-intake.protocol", "imap",
        "safeguarding.email-intake.username", MAILBOX,
        "safeguarding.email-intake.password", "mailbox-secret",
        "safeguarding.email-intake.poll-interval", "PT10H",
        "safeguarding.case-file.retention-review-cron", "-");
    nodeD = PostgresNode.start("pgNodeD", scheduledWork);
    nodeE = PostgresNode.start("pgNodeE", scheduledWork);
  }

  @AfterAll
  static void stopNodes() {
    for (AutoCloseable closing : new AutoCloseable[] {nodeD, nodeE}) {
      if (closing != null) {
        try {
          closing.close();
        } catch (Exception ignored) {
          // the other node is still closed
        }
      }
    }
    if (mail != null) {
      mail.stop();
    }
  }

  @Test
  void bothNodesRunTheMorningReviewAndEachDueFileIsFlaggedOnce() throws Exception {
    List<Long> due = List.of(dueChild("Anna Due-Testchild"), dueChild("Bo Due-Testchild"),
        dueChild("Chen Due-Testchild"));

    atTheSameMoment(() -> nodeD.bean(MorningRetentionReview.class).run(),
        () -> nodeE.bean(MorningRetentionReview.class).run());

    for (long child : due) {
      assertThat(flags(child)).as("child " + child).isOne();
    }
    // Later the same morning (a node whose clock runs late): the review is not run again.
    long late = dueChild("Dara Late-Testchild");
    nodeE.bean(MorningRetentionReview.class).run();
    assertThat(flags(late)).isZero();
    // And should two reviews ever overlap, the database refuses a second flag for a waiting file.
    assertThatThrownBy(() -> jdbc().update("insert into retention_review (child_id, pending_child_id,"
        + " due_because, flagged_at) values (?, ?, 'twice', current_timestamp)", due.get(0), due.get(0)))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void bothNodesPollTheMailboxAndEachMessageBecomesOneConcern() throws Exception {
    int before = intakes();
    for (int i = 0; i < 6; i++) {
      deliver("<two-nodes-" + i + "@parents.example.invalid>", "A boy in Grade " + i + " seems afraid.");
    }

    atTheSameMoment(() -> nodeD.bean(MailboxPolling.class).poll(), () -> nodeE.bean(MailboxPolling.class).poll());

    assertThat(intakes()).isEqualTo(before + 6);
    assertThat(emailConcerns()).isEqualTo(before + 6);
    assertThat(unmarkedMessages()).isZero();
  }

  @Test
  void aNodeSkipsThePollWhileAnotherHoldsItsLock() throws Exception {
    int before = intakes();
    deliver("<while-locked@parents.example.invalid>", "Please call me.");
    SimpleLock heldByD = nodeD.bean(LockProvider.class).lock(new LockConfiguration(Instant.now(),
        "email-intake-poll", Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
    try {
      nodeE.bean(MailboxPolling.class).poll();
      assertThat(intakes()).as("skipped while node D polls").isEqualTo(before);
      assertThat(unmarkedMessages()).isOne();
    } finally {
      heldByD.unlock();
    }

    nodeE.bean(MailboxPolling.class).poll();
    assertThat(intakes()).isEqualTo(before + 1);
    assertThat(unmarkedMessages()).isZero();
  }

  // --- steps ---------------------------------------------------------------------------------

  /** Runs both at once (released together from two threads); waits a bounded time for both. */
  private static void atTheSameMoment(Runnable first, Runnable second) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (Runnable work : List.of(first, second)) {
        running.add(threads.submit(() -> {
          go.await();
          work.run();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> done : running) {
        done.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** A child whose file is due for review: 30 years old. */
  private static long dueChild(String name) {
    Children children = nodeD.bean(Children.class);
    long id = children.findOrAdd(null, name + " " + System.nanoTime(), "Grade 12", Instant.now());
    children.update(id, null, LocalDate.now().minusYears(30), null);
    return id;
  }

  private static int flags(long childId) {
    return jdbc().queryForObject("select count(*) from retention_review where child_id = ?", Integer.class, childId);
  }

  private static int intakes() {
    return jdbc().queryForObject("select count(*) from email_intake", Integer.class);
  }

  private static int emailConcerns() {
    return (int) nodeD.bean(RuntimeService.class).createProcessInstanceQuery()
        .processDefinitionKey("safeguarding-concern").variableValueEquals("reporterType", "email").count();
  }

  private static JdbcTemplate jdbc() {
    return nodeD.bean(JdbcTemplate.class);
  }

  private static void deliver(String messageId, String text) throws Exception {
    MimeMessage message = new MimeMessage((Session) null) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress("worried.parent@example.invalid"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    message.setSubject("A worry");
    message.setSentDate(new Date());
    message.setText(text, "UTF-8");
    message.saveChanges();
    mail.getUserManager().getUser(MAILBOX).deliver(message);
  }

  /** Messages in the inbox not yet marked as recorded, as an IMAP client sees them. */
  private static int unmarkedMessages() throws Exception {
    Properties properties = new Properties();
    properties.put("mail.imap.peek", "true");
    try (Store store = Session.getInstance(properties).getStore("imap")) {
      store.connect("localhost", IMAP_PORT, MAILBOX, "mailbox-secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return inbox.search(new jakarta.mail.search.NotTerm(new FlagTerm(new Flags(KEYWORD), true))).length;
      } finally {
        inbox.close(false);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
