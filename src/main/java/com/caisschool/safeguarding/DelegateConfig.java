package com.caisschool.safeguarding;

import com.caisschool.safeguarding.casework.CaseReferenceAssignment;
import com.caisschool.safeguarding.casework.LinkedProcessStarter;
import com.caisschool.safeguarding.casework.ProcessDefaults;
import com.caisschool.safeguarding.forms.FormCheck;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.intake.CaseOpening;
import com.caisschool.safeguarding.intake.CaseReferences;
import com.caisschool.safeguarding.intake.ConcernIntake;
import com.caisschool.safeguarding.notification.NotificationLog;
import com.caisschool.safeguarding.notification.NotifyDelegate;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans the models call by name ({@code camunda:delegateExpression="${name}"}). */
@Configuration
class DelegateConfig {

  @Bean
  FormDefinitions formDefinitions(RepositoryService repositoryService) {
    return new FormDefinitions(repositoryService);
  }

  @Bean
  ConcernIntake concernIntake(FormDefinitions forms, SafeguardingProperties properties) {
    return new ConcernIntake(forms, properties.schoolTimeZone(),
        new CaseReferences(properties.schoolTimeZone()));
  }

  @Bean
  ProcessDefaults processDefaults(SafeguardingProperties properties) {
    return new ProcessDefaults(properties.processDefaults(), properties.authorities());
  }

  @Bean
  LinkedProcessStarter startLinkedProcess() {
    return new LinkedProcessStarter();
  }

  @Bean
  CaseOpening openCase(FormDefinitions forms, SafeguardingProperties properties) {
    return new CaseOpening(forms, new CaseReferences(properties.schoolTimeZone()));
  }

  @Bean
  CaseReferenceAssignment assignCaseReference(SafeguardingProperties properties) {
    return new CaseReferenceAssignment(properties.schoolTimeZone());
  }

  @Bean
  FormCheck checkForm(FormDefinitions forms) {
    return new FormCheck(forms);
  }

  @Bean
  NotifyDelegate notify(JdbcTemplate jdbc) {
    return new NotifyDelegate(new NotificationLog(jdbc));
  }
}
