package com.caisschool.safeguarding.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email alerts against a real SMTP server (GreenMail): the CPO and deputy are emailed about a new
 * concern with its reference and a Tasklist link and nothing else; a mail server that is down
 * leaves an incident and the report intact, and the mail goes out once when the job is retried.
 *
 * <p>Its own Spring context (email on, its own in-memory database and engine name; like every
 * application test, no job executor): the tests execute the notification jobs themselves. Closed after the class, so its
 * engine never stands in for the shared context's.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EmailNotificationTest {

  private static final int SMTP_PORT = freePort();
  private static final String CHILD = "Mei Lindqvist-Testchild";
  private static final String OBSERVATIONS = "Burn marks on both wrists";
  private static final String DISCLOSURE = "Uncle locks me in the cellar";

  @DynamicPropertySource
  static void emailOn(DynamicPropertyRegistry registry) {
    registry.add("safeguarding.notifications.email-enabled", () -> "true");
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "5000");
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
    // Not the database nor the engine name of the shared application test context.
    // (Camunda ignores a name with a hyphen, and the REST API of the shared context would then
    // find this engine under "default".)
    registry.add("camunda.bpm.process-engine-name", () -> "emailTest");
    registry.add("spring.datasource.url",
        () -> "jdbc:h2:mem:safeguarding-email-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationProperties notificationProperties;
  @Value("${safeguarding.public-base-url}") String publicBaseUrl;

  GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = startedSmtp();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void newConcernIsEmailedToCpoAndDeputyWithReferenceAndLinkButNoNameOrFact() throws Exception {
    ProcessInstance concern = reportConcern();

    managementService.executeJob(newConcernAlert(concern).getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(recipients(received)).containsOnly("cpo@demo.invalid", "deputy@demo.invalid");
    for (MimeMessage message : received) {
      String subject = message.getSubject();
      String body = ((String) message.getContent());
      assertThat(subject).isEqualTo("[CAIS Safeguarding] New concern – case " + concern.getBusinessKey());
      assertThat(body).contains(concern.getBusinessKey())
          .contains(publicBaseUrl + "/camunda/app/tasklist/")
          .contains("A new safeguarding concern has been reported");
      assertThat(message.getFrom()[0].toString()).isEqualTo(notificationProperties.from());
      for (String text : List.of(subject, body)) {
        assertThat(text).doesNotContain(CHILD).doesNotContain("Lindqvist")
            .doesNotContain(OBSERVATIONS).doesNotContain(DISCLOSURE).doesNotContain("Grade 4");
      }
    }
    assertThat(notificationRows(concern)).isOne();
  }

  @Test
  void smtpDownLeavesAnIncidentAndTheConcernAndTheMailGoesOutOnceWhenRetried() throws Exception {
    ProcessInstance concern = reportConcern();
    String jobId = newConcernAlert(concern).getId();
    smtp.stop();

    // Every retry the model allows (R5/PT1M), without waiting for the minutes between them.
    int attempts = 0;
    while (managementService.createJobQuery().jobId(jobId).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasRootCauseInstanceOf(java.net.ConnectException.class);
      attempts++;
    }

    assertThat(attempts).isEqualTo(5);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(concern.getId()).count()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(concern.getId()).active().count())
        .isOne();
    assertThat(runtimeService.getVariable(concern.getId(), "observations")).isEqualTo(OBSERVATIONS);
    assertThat(notificationRows(concern)).isZero();
    // A mail outage never holds up the CPO: triage is waiting beside the failed alert.
    assertThat(taskService.createTaskQuery().processInstanceId(concern.getId())
        .taskDefinitionKey("user_task_cpo_triage").count()).isOne();

    smtp = startedSmtp();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);

    assertThat(recipients(smtp.getReceivedMessages()))
        .containsExactlyInAnyOrder("cpo@demo.invalid", "deputy@demo.invalid");
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(notificationRows(concern)).isOne();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(concern.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(concern.getId())
        .taskDefinitionKey("user_task_cpo_triage").count()).isOne();
  }

  @Test
  void aKindWithoutConfiguredTextGetsAGenericTextSoANewKindNeedsNoJava() {
    var emails = new NotificationEmails(notificationProperties.subjectPrefix(),
        notificationProperties.kinds(), publicBaseUrl);
    var notification = new Notification("SC-2026-TEST01", "trip-incident-follow-up", List.of("cpo"), null, null);

    assertThat(emails.subject(notification))
        .isEqualTo("[CAIS Safeguarding] Trip incident follow up – case SC-2026-TEST01");
    assertThat(emails.body(notification)).startsWith(NotificationEmails.GENERIC_DESCRIPTION)
        .contains("SC-2026-TEST01").contains(publicBaseUrl + "/camunda/app/tasklist/");
  }

  private ProcessInstance reportConcern() {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", CHILD);
    report.put("childGrade", "Grade 4");
    report.put("categories", "physical-abuse");
    report.put("immediateDanger", false);
    report.put("concernAbout", "family-member");
    report.put("concernAroseAt", new Date(System.currentTimeMillis() - 3_600_000));
    report.put("location", "Playground");
    report.put("observations", OBSERVATIONS);
    report.put("disclosure", DISCLOSURE);
    ProcessInstance concern = runtimeService.startProcessInstanceByKey("safeguarding-concern", report);
    return runtimeService.createProcessInstanceQuery().processInstanceId(concern.getId()).singleResult();
  }

  private Job newConcernAlert(ProcessInstance concern) {
    return managementService.createJobQuery().processInstanceId(concern.getId())
        .activityId("service_task_alert_new_concern").singleResult();
  }

  private Integer notificationRows(ProcessInstance concern) {
    return jdbc.queryForObject("select count(*) from notification where process_instance_id = ?"
        + " and kind = 'new-concern'", Integer.class, concern.getId());
  }

  /**
   * The addresses the alert went to. GreenMail keeps one copy per delivered mailbox, so two copies
   * of a message addressed to exactly these two is one email to each of them and to no one else.
   */
  private static List<String> recipients(MimeMessage[] received) throws Exception {
    List<String> addresses = new ArrayList<>();
    for (MimeMessage message : received) {
      assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
      assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
      for (Address address : message.getRecipients(Message.RecipientType.TO)) {
        if (!addresses.contains(address.toString())) {
          addresses.add(address.toString());
        }
      }
    }
    return addresses;
  }

  private static GreenMail startedSmtp() {
    GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
