package com.caisschool.safeguarding.emailintake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.RepositoryService;
import com.caisschool.safeguarding.casefile.CaseFiles;
import com.caisschool.safeguarding.casefile.CaseSummary;
import com.caisschool.safeguarding.casefile.Child;
import com.caisschool.safeguarding.casefile.Children;
import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.reporting.ChannelConcerns;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email intake against a real IMAP server (GreenMail): a message to the CPO mailbox becomes exactly
 * one concern for CPO triage, polling again adds none, and a failure while starting the concern
 * leaves the message unmarked so that the next poll takes it.
 *
 * <p>Its own Spring context (intake on, its own in-memory database and engine name, no job
 * executor, no scheduled poll during the test): the tests poll themselves. Closed after the class.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class EmailIntakeTest {

  private static final int IMAP_PORT = freePort();
  private static final int SMTP_PORT = freePort();
  private static final String MAILBOX = "cpo@caisschool.com";
  private static final String KEYWORD = "CaisSafeguardingRecorded";
  private static final String CHILD = "Ivo Marsh-Testchild";
  private static final String TEXT = CHILD + " in Grade 2 told me his father burns him with cigarettes.";

  @DynamicPropertySource
  static void intakeOn(DynamicPropertyRegistry registry) {
    registry.add("safeguarding.email-intake.enabled", () -> "true");
    registry.add("safeguarding.email-intake.host", () -> "localhost");
    registry.add("safeguarding.email-intake.port", () -> IMAP_PORT);
    registry.add("safeguarding.email-intake.protocol", () -> "imap");
    registry.add("safeguarding.email-intake.username", () -> MAILBOX);
    registry.add("safeguarding.email-intake.password", () -> "mailbox-secret");
    registry.add("safeguarding.email-intake.poll-interval", () -> "PT10H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    // Not the database nor the engine name of the shared application test context (no hyphen).
    registry.add("camunda.bpm.process-engine-name", () -> "emailIntakeTest");
    registry.add("spring.datasource.url",
        () -> "jdbc:h2:mem:safeguarding-email-intake-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Autowired MailboxIntake intake;
  @Autowired MailboxPolling polling;
  @Autowired RuntimeService runtimeService;
  @Autowired Chronology chronology;
  @Autowired CaseFiles caseFiles;
  @Autowired Children children;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  GreenMail mail;

  @BeforeEach
  void startMailServer() {
    mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(IMAP_PORT, "localhost", ServerSetup.PROTOCOL_IMAP)});
    mail.start();
    mail.setUser(MAILBOX, MAILBOX, "mailbox-secret");
  }

  @AfterEach
  void stopMailServer() {
    mail.stop();
  }

  @Test
  void anEmailToTheCpoBecomesExactlyOneConcernForTriage(CapturedOutput logs) throws Exception {
    deliver("<report-1@parents.example.invalid>", "Worried about a boy in Grade 2", TEXT);

    assertThat(intake.poll()).isEqualTo(1);

    List<ProcessInstance> concerns = emailConcerns();
    assertThat(concerns).hasSize(1);
    Map<String, Object> variables = runtimeService.getVariables(concerns.get(0).getId());
    assertThat(variables).containsEntry("reporterType", "email").containsEntry("concernAbout", "unknown")
        .containsEntry("categories", "other").doesNotContainKey("reporterContact");
    assertThat(chronology.ofCase(concerns.get(0).getBusinessKey()).get(0).details())
        .as("the sender is kept in the case file, for the CPO and deputy").contains("worried.parent@example.invalid");
    assertThat((String) variables.get("observations")).startsWith("Subject: Worried about a boy in Grade 2")
        .contains(TEXT);
    assertThat(concerns.get(0).getBusinessKey()).startsWith("SC-");
    assertThat(taskService.createTaskQuery().processInstanceId(concerns.get(0).getId())
        .taskDefinitionKey("user_task_cpo_triage").taskCandidateGroup("cpo").count()).isOne();
    assertThat(flags()).singleElement().satisfies(flags -> assertThat(flags.contains(KEYWORD)).isTrue());

    assertThat(intake.poll()).as("polled again").isZero();
    // A crash after the concern was started but before the message was marked: found, only marked.
    setKeyword(false);
    assertThat(intake.poll()).isZero();
    assertThat(flags()).singleElement().satisfies(flags -> assertThat(flags.contains(KEYWORD)).isTrue());
    assertThat(emailConcerns()).hasSize(1);
    assertThat(logs.getAll()).doesNotContain(CHILD).doesNotContain("cigarettes").doesNotContain("worried.parent");
  }

  @Test
  void aFailureWhileStartingLeavesTheMessageUnmarkedAndTheNextPollTakesIt(CapturedOutput logs) throws Exception {
    int before = emailConcerns().size();
    deliver("<report-2@parents.example.invalid>", "Please help", TEXT);
    repositoryService.suspendProcessDefinitionByKey("safeguarding-concern");
    try {
      assertThat(intake.poll()).isZero();
    } finally {
      repositoryService.activateProcessDefinitionByKey("safeguarding-concern");
    }
    assertThat(emailConcerns()).hasSize(before);
    assertThat(flags()).singleElement().satisfies(flags -> {
      assertThat(flags.contains(KEYWORD)).as("not marked").isFalse();
      assertThat(flags.contains(Flags.Flag.SEEN)).as("not even read").isFalse();
    });
    assertThat(jdbc.queryForObject("select count(*) from email_intake", Integer.class)).isEqualTo(before);

    assertThat(intake.poll()).isEqualTo(1);

    assertThat(emailConcerns()).hasSize(before + 1);
    assertThat(flags()).singleElement().satisfies(flags -> assertThat(flags.contains(KEYWORD)).isTrue());
    assertThat(logs.getAll()).contains("not taken").doesNotContain(CHILD).doesNotContain("Please help");
  }

  @Test
  void twoEmailsThatNameNoChildAreNotTakenToBeAboutOneChild() throws Exception {
    int before = emailConcerns().size();
    deliver("<nameless-1@parents.example.invalid>", "Something is wrong", "A boy cries every morning at the gate.");
    deliver("<nameless-2@staff.example.invalid>", "A worry", "A girl said she is afraid to go home.");

    polling.poll(); // as scheduled: through the cluster-wide lock (here on H2, as `mvn spring-boot:run`)

    List<ProcessInstance> concerns = emailConcerns();
    assertThat(concerns).hasSize(before + 2);
    List<CaseSummary> files = concerns.stream().flatMap(concern -> caseFiles.ofCase(concern.getBusinessKey()).stream())
        .toList();
    assertThat(files).hasSize(before + 2).allSatisfy(file -> {
      assertThat(file.childId()).as("linked to no child").isNull();
      assertThat(file.childName()).isNull();
    });
    assertThat(children.all()).extracting(Child::name).doesNotContain(ChannelConcerns.NOT_GIVEN);
  }

  private List<ProcessInstance> emailConcerns() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("safeguarding-concern")
        .variableValueEquals("reporterType", "email").list();
  }

  private void deliver(String messageId, String subject, String text) throws Exception {
    MimeMessage message = new MimeMessage((Session) null) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress("worried.parent@example.invalid"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    message.setSubject(subject);
    message.setSentDate(new Date());
    message.setText(text, "UTF-8");
    message.saveChanges();
    mail.getUserManager().getUser(MAILBOX).deliver(message);
  }

  /** The flags of every message in the inbox, as an IMAP client sees them. */
  private List<Flags> flags() throws Exception {
    try (Store store = imap()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return java.util.Arrays.stream(inbox.getMessages()).map(m -> {
          try {
            return m.getFlags();
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        }).toList();
      } finally {
        inbox.close(false);
      }
    }
  }

  private void setKeyword(boolean on) throws Exception {
    try (Store store = imap()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      for (Message message : inbox.getMessages()) {
        message.setFlags(new Flags(KEYWORD), on);
      }
      inbox.close(false);
    }
  }

  private Store imap() throws Exception {
    Properties properties = new Properties();
    properties.put("mail.imap.peek", "true");
    Store store = Session.getInstance(properties).getStore("imap");
    store.connect("localhost", IMAP_PORT, MAILBOX, "mailbox-secret");
    return store;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
