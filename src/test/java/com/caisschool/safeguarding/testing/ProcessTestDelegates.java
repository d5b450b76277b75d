package com.caisschool.safeguarding.testing;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.casework.CaseReferenceAssignment;
import com.caisschool.safeguarding.casework.LinkedProcessStarter;
import com.caisschool.safeguarding.casework.ProcessDefaults;
import com.caisschool.safeguarding.casework.TaskDates;
import com.caisschool.safeguarding.duties.AssigneeReminder;
import com.caisschool.safeguarding.duties.DutyDates;
import com.caisschool.safeguarding.duties.ModelVersionLink;
import com.caisschool.safeguarding.duties.NextCycleStarter;
import com.caisschool.safeguarding.duties.StaffDirectory;
import com.caisschool.safeguarding.forms.FormCheck;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.intake.CaseOpening;
import com.caisschool.safeguarding.intake.CaseReferences;
import com.caisschool.safeguarding.intake.ConcernIntake;
import com.caisschool.safeguarding.notification.NotifyDelegate;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Registers the application's real delegates under the names the models use, configured from the
 * real application.yaml, so plain-engine tests run the models as the application does. Only the
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
    SafeguardingProperties properties = applicationProperties();
    var forms = new FormDefinitions(engine.getRepositoryService(), engine.getIdentityService());
    var notifications = new RecordedNotifications();
    Mocks.register("concernIntake", new ConcernIntake(forms, properties.schoolTimeZone(),
        new CaseReferences(properties.schoolTimeZone()), properties.reporterTypes()));
    Mocks.register("processDefaults",
        new ProcessDefaults(properties.processDefaults(), properties.authorities()));
    Mocks.register("startLinkedProcess", new LinkedProcessStarter());
    var assignCaseReference = new CaseReferenceAssignment(properties.schoolTimeZone());
    Mocks.register("openCase", new CaseOpening(forms, assignCaseReference));
    Mocks.register("assignCaseReference", assignCaseReference);
    Mocks.register("checkForm", new FormCheck(forms));
    Mocks.register("taskDates", new TaskDates());
    Mocks.register("notify", new NotifyDelegate(notifications));
    Mocks.register("dutyDates", new DutyDates(properties.schoolTimeZone()));
    Mocks.register("staffDirectory", new StaffDirectory(engine.getIdentityService()));
    Mocks.register("remindAssignees", new AssigneeReminder(notifications));
    Mocks.register("startNextCycle", new NextCycleStarter());
    Mocks.register("linkModelVersions", new ModelVersionLink());
    return notifications;
  }
}
