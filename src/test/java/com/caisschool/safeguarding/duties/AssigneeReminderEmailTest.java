package com.caisschool.safeguarding.duties;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.notification.EmailNotifier;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.NotificationEmails;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import com.caisschool.safeguarding.testing.TestSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A reminder of a person's own task ({@code user:<id>}) is emailed to that person only, not to a
 * role, through the real email notifier and a real SMTP server.
 */
class AssigneeReminderEmailTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource(ProcessTestDelegates.ENGINE_CONFIG).build();

  IdentityService identities;

  @AfterEach
  void removeUsers() {
    DutyProcessFixture.removeUsers(identities, "remindee", "colleague");
  }

  @Test
  void aUserRecipientIsEmailedAloneWithTheDutyReference(ProcessEngine processEngine) throws Exception {
    identities = processEngine.getIdentityService();
    person("remindee", "remindee@school.invalid");
    person("colleague", "colleague@school.invalid");
    identities.createMembership("remindee", "staff");
    identities.createMembership("colleague", "staff");
    TestSmtpServer smtp = TestSmtpServer.shared();
    int before = smtp.received().length;
    var sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(smtp.port());
    var notifier = new EmailNotifier(new RecordedNotifications(), sender, identities,
        new NotificationEmails("[Test]", Map.of(), "http://localhost"), "safeguarding@school.invalid",
        com.caisschool.safeguarding.notification.CaseRecipients.EVERYONE);

    notifier.send(new Notification("Policy review 2026", "policy-acknowledgement-reminder", List.of("user:remindee"),
        "pi-1", "service_task_remind_staff"));

    MimeMessage[] received = smtp.received();
    assertThat(received).hasSize(before + 1);
    MimeMessage mail = received[received.length - 1];
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
        .containsExactly("remindee@school.invalid");
    assertThat(mail.getSubject()).contains("Policy review 2026");
  }

  private void person(String id, String email) {
    User user = identities.newUser(id);
    user.setEmail(email);
    identities.saveUser(user);
    if (identities.createGroupQuery().groupId("staff").count() == 0) {
      identities.saveGroup(identities.newGroup("staff"));
    }
  }
}
