package com.caisschool.safeguarding.testing;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.calendar.SchoolCalendar;
import com.caisschool.safeguarding.calendar.WorkingDays;
import com.caisschool.safeguarding.casework.LinkedProcessStarter;
import com.caisschool.safeguarding.casework.SecondPersonCheck;
import com.caisschool.safeguarding.casework.TaskDates;
import com.caisschool.safeguarding.duties.AssigneeReminder;
import com.caisschool.safeguarding.duties.AuditActions;
import com.caisschool.safeguarding.duties.DutyCalendar;
import com.caisschool.safeguarding.duties.DutyDates;
import com.caisschool.safeguarding.duties.DutyRuns;
import com.caisschool.safeguarding.duties.ModelVersionLink;
import com.caisschool.safeguarding.duties.NextCycleStarter;
import com.caisschool.safeguarding.duties.StaffDirectory;
import com.caisschool.safeguarding.escalation.LateTaskEscalation;
import com.caisschool.safeguarding.forms.FormCheck;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.notification.NotifyDelegate;
import com.caisschool.safeguarding.recruitment.RecruitmentChecks;
import com.caisschool.safeguarding.recruitment.TrainingRecordOpener;
import com.caisschool.safeguarding.triage.TriageRules;
import com.caisschool.safeguarding.triage.TriageSignOffRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Registers the application's real delegates under the names the models use, so plain-engine tests
 * run the models as the application does; the case-process plugin is registered with the plain
 * engine itself ({@value #ENGINE_CONFIG}), configured from the real application.yaml. Only the
 * notifier is replaced, by one that records what was sent.
 */
public final class ProcessTestDelegates {

  /**
   * The plain engine's configuration. Not named camunda.cfg.xml: that name would make the REST API
   * of the Spring tests build a second engine from it on the first unauthenticated lookup.
   */
  public static final String ENGINE_CONFIG = "process-tests.cfg.xml";

  private ProcessTestDelegates() {}

  public static SafeguardingProperties applicationProperties() {
    try {
      var environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
          .forEach(source -> environment.getPropertySources().addLast(source));
      return Binder.get(environment).bind("safeguarding", SafeguardingProperties.class).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RecordedNotifications register(ProcessEngine engine) {
    var notifications = new RecordedNotifications();
    Mocks.register("startLinkedProcess", new LinkedProcessStarter());
    Mocks.register("taskDates", new TaskDates());
    Mocks.register("workingDays", new WorkingDays(new SchoolCalendar((java.nio.file.Path) null),
        applicationProperties().schoolTimeZone()));
    Mocks.register("secondPerson", new SecondPersonCheck());
    Mocks.register("notify", new NotifyDelegate(notifications));
    Mocks.register("escalate", new LateTaskEscalation(notifications, applicationProperties().escalation()));
    Mocks.register("dutyDates", new DutyDates(applicationProperties().schoolTimeZone()));
    Mocks.register("dutyCalendar", new DutyCalendar(applicationProperties().processDefaults(),
        applicationProperties().schoolTimeZone()));
    Mocks.register("auditActions", new AuditActions(applicationProperties().schoolTimeZone()));
    Mocks.register("staffDirectory", new StaffDirectory(engine.getIdentityService()));
    Mocks.register("remindAssignees", new AssigneeReminder(notifications));
    Mocks.register("startNextCycle", new NextCycleStarter());
    Mocks.register("dutyRuns", new DutyRuns());
    Mocks.register("linkModelVersions", new ModelVersionLink());
    Mocks.register("recruitmentChecks", new RecruitmentChecks(applicationProperties().schoolTimeZone()));
    Mocks.register("openTrainingRecord", new TrainingRecordOpener());
    var forms = new FormDefinitions(engine.getRepositoryService(), engine.getIdentityService());
    Mocks.register("triageRules", new TriageRules(() -> forms));
    Mocks.register("triageSignOffRules", new TriageSignOffRules());
    // Named only by version 1 of self-harm-response (cases still running on it).
    Mocks.register("checkForm", new FormCheck());
    return notifications;
  }

  /** After a plain-engine test: its cases deleted, the delegates and the engine clock as before it. */
  public static void endTest(ProcessEngine engine) {
    engine.getRuntimeService().createProcessInstanceQuery().list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over"));
    Mocks.reset();
    ClockUtil.reset();
  }
}
