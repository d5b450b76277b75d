package com.caisschool.safeguarding;

import com.caisschool.safeguarding.casework.LinkedProcessStarter;
import com.caisschool.safeguarding.casework.SecondPersonCheck;
import com.caisschool.safeguarding.cover.CoverForAlerts;
import com.caisschool.safeguarding.cover.CoverPlan;
import com.caisschool.safeguarding.duties.AssigneeReminder;
import com.caisschool.safeguarding.duties.ModelVersionLink;
import com.caisschool.safeguarding.duties.NextCycleStarter;
import com.caisschool.safeguarding.forms.FormCheck;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.language.UserLanguages;
import com.caisschool.safeguarding.notification.CaseRecipients;
import com.caisschool.safeguarding.notification.EmailNotifier;
import com.caisschool.safeguarding.notification.NotificationEmails;
import com.caisschool.safeguarding.notification.NotificationLog;
import com.caisschool.safeguarding.notification.NotificationProperties;
import com.caisschool.safeguarding.notification.Notifier;
import com.caisschool.safeguarding.notification.SubjectsLeftOut;
import com.caisschool.safeguarding.notification.NotifyDelegate;
import com.caisschool.safeguarding.oncall.OnCallProperties;
import com.caisschool.safeguarding.oncall.OnCallRota;
import com.caisschool.safeguarding.oncall.SchoolHours;
import com.caisschool.safeguarding.oncall.UrgentAlerts;
import com.caisschool.safeguarding.triage.TriageRules;
import com.caisschool.safeguarding.triage.TriageSignOffRules;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The beans the models call by name ({@code camunda:delegateExpression="${name}"}). Opening a case
 * and checking forms are not among them: the case-process plugin applies those to every model.
 */
@Configuration
class DelegateConfig {

  @Bean
  LinkedProcessStarter startLinkedProcess() {
    return new LinkedProcessStarter();
  }

  /** Sign-offs that need a second person: never the one who made the decision signed off. */
  @Bean
  SecondPersonCheck secondPerson() {
    return new SecondPersonCheck();
  }

  /**
   * Named by version 1 of self-harm-response on each of its tasks (version 2 leaves the check to
   * the plugin). Kept while cases started on version 1 are still running: remove it when Cockpit
   * shows no running instance of that version.
   */
  @Bean
  FormCheck checkForm() {
    return new FormCheck();
  }

  /**
   * Every alert is recorded in the notification table; with
   * {@code safeguarding.notifications.email-enabled} it is also emailed (postgres profile), which
   * needs an SMTP server ({@code spring.mail.host}).
   */
  @Bean
  Notifier notifier(JdbcTemplate jdbc, NotificationProperties notifications,
      SafeguardingProperties properties, IdentityService identityService,
      ObjectProvider<JavaMailSender> mailSender, ApplicationEventPublisher events, CaseRecipients recipients,
      UserLanguages languages, CoverPlan cover, OnCallProperties onCall, SchoolHours schoolHours, OnCallRota rota,
      ObjectProvider<RuntimeService> runtime) {
    Notifier notifier = new NotificationLog(jdbc, events);
    if (notifications.emailEnabled()) {
      JavaMailSender sender = mailSender.getIfAvailable();
      if (sender == null) {
        throw new IllegalStateException("safeguarding.notifications.email-enabled is true but no"
            + " SMTP server is configured: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT,"
            + " SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD), or switch email off.");
      }
      if (notifications.from() == null || notifications.from().isBlank()) {
        throw new IllegalStateException("safeguarding.notifications.from is not set.");
      }
      // Each recipient reads the email in their language (README "Languages").
      notifier = new EmailNotifier(notifier, sender, identityService,
          new NotificationEmails(notifications.subjectPrefix(), notifications.kinds(),
              notifications.kindsInLanguages(), properties.publicBaseUrl()),
          notifications.from(), recipients, languages::of);
    }
    // Urgent kinds out of school hours also go to the person on call (README "On call and urgent alerts").
    notifier = new UrgentAlerts(notifier, onCall.urgentKinds(), schoolHours, rota, runtime::getObject);
    // An alert to a role whose every member is away also reaches who covers (README "School
    // calendar, cover and on-call"); no alert, reminder or escalation reaches the people a case is about (README "Roles").
    return new SubjectsLeftOut(new CoverForAlerts(notifier, cover), recipients);
  }

  @Bean
  NotifyDelegate notify(Notifier notifier) {
    return new NotifyDelegate(notifier);
  }

  /** Standing duties: a reminder to each person who has not yet done their task. */
  @Bean
  AssigneeReminder remindAssignees(Notifier notifier) {
    return new AssigneeReminder(notifier);
  }

  /** Standing duties: next year's instance, when this year's is done. */
  @Bean
  NextCycleStarter startNextCycle() {
    return new NextCycleStarter();
  }

  /** Triage: who triaged, a corrected report, and no closing that decision triage-closure forbids. */
  @Bean
  TriageRules triageRules(FormDefinitions forms) {
    return new TriageRules(() -> forms);
  }

  /** Triage closing: signed off by a second person of the configured roles. */
  @Bean
  TriageSignOffRules triageSignOffRules() {
    return new TriageSignOffRules();
  }

  @Bean
  ModelVersionLink linkModelVersions() {
    return new ModelVersionLink();
  }
}
