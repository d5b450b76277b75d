package com.caisschool.safeguarding.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.language.StaffLanguage;
import com.caisschool.safeguarding.notification.NotificationProperties.KindText;
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
 * An alert reaches each recipient in their language, through the real email notifier and a real
 * SMTP server: one message per language, each with the kind's text, the case reference and the
 * Tasklist link only.
 */
class EmailLanguageTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource(ProcessTestDelegates.ENGINE_CONFIG).build();

  IdentityService identities;

  @AfterEach
  void removeUsers() {
    if (identities == null) {
      return;
    }
    for (String id : List.of("readschinese", "readsenglish")) {
      identities.deleteUser(id);
    }
    identities.deleteGroup("languagetests");
  }

  @Test
  void eachRecipientGetsTheAlertInTheirLanguageWithOnlyTheReferenceAndTheLink(ProcessEngine processEngine) throws Exception {
    identities = processEngine.getIdentityService();
    identities.saveGroup(identities.newGroup("languagetests"));
    person("readschinese");
    person("readsenglish");
    TestSmtpServer smtp = TestSmtpServer.shared();
    int before = smtp.received().length;
    var sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(smtp.port());
    // As Spring Boot's mail sender (spring.mail.default-encoding).
    sender.setDefaultEncoding("UTF-8");
    var emails = new NotificationEmails("[Test]",
        Map.of("new-concern", new KindText("New concern", "A new safeguarding concern is waiting for triage.")),
        Map.of("zh-CN", Map.of("new-concern", new KindText("新的担忧", "有一项新的儿童保护担忧正在等待初步评估。"))),
        "http://school.invalid");
    Map<String, StaffLanguage> languages = Map.of("readschinese", StaffLanguage.CHINESE, "readsenglish", StaffLanguage.ENGLISH);
    var notifier = new EmailNotifier(new RecordedNotifications(), sender, identities, emails,
        "safeguarding@school.invalid", CaseRecipients.EVERYONE, languages::get);

    notifier.send(new Notification("SC-2026-LANG01", "new-concern", List.of("languagetests"), "pi-1", "alert"));

    MimeMessage[] received = Arrays.copyOfRange(smtp.received(), before, smtp.received().length);
    assertThat(received).hasSize(2);
    MimeMessage chinese = to("readschinese@school.invalid", received);
    MimeMessage english = to("readsenglish@school.invalid", received);
    assertThat(chinese.getSubject()).isEqualTo("[Test] 新的担忧 – 个案 SC-2026-LANG01");
    assertThat((String) chinese.getContent()).startsWith("有一项新的儿童保护担忧正在等待初步评估。")
        .contains("个案编号： SC-2026-LANG01").contains("http://school.invalid/camunda/app/tasklist/")
        .contains("本邮件有意不包含任何姓名或个案细节").doesNotContain("safeguarding concern");
    assertThat(english.getSubject()).isEqualTo("[Test] New concern – case SC-2026-LANG01");
    assertThat((String) english.getContent()).startsWith("A new safeguarding concern is waiting for triage.")
        .contains("Case reference: SC-2026-LANG01").doesNotContain("个案");
  }

  @Test
  void aKindWithoutATranslationIsWrittenInChineseWithTheGenericText() {
    var emails = new NotificationEmails("[Test]", Map.of(), Map.of("zh-CN", Map.of()), "http://school.invalid");
    var notification = new Notification("SC-2026-LANG02", "some-new-kind", List.of("cpo"), null, null);

    assertThat(emails.subject(notification, StaffLanguage.CHINESE)).isEqualTo("[Test] 儿童保护提醒 – 个案 SC-2026-LANG02");
    assertThat(emails.body(notification, StaffLanguage.CHINESE)).startsWith("有一个儿童保护个案需要你处理。");
  }

  private void person(String id) {
    User user = identities.newUser(id);
    user.setEmail(id + "@school.invalid");
    identities.saveUser(user);
    identities.createMembership(id, "languagetests");
  }

  private static MimeMessage to(String address, MimeMessage[] received) throws Exception {
    for (MimeMessage message : received) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList().equals(List.of(address))) {
        return message;
      }
    }
    throw new AssertionError("No message to " + address + " alone");
  }
}
