package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.language.UserLanguages;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the case-process convention with the application's engine. */
@Configuration
class CaseProcessConfig {

  /** Forms in each user's language (README "Languages"), looked up when a form is shown. */
  @Bean
  CaseProcessPlugin caseProcessPlugin(SafeguardingProperties properties, ObjectProvider<UserLanguages> languages) {
    return new CaseProcessPlugin(properties, user -> languages.getObject().of(user));
  }

  /** The forms as the engine reads them: one reader, shared by the pages that show their choices. */
  @Bean
  FormDefinitions formDefinitions(CaseProcessPlugin plugin, ProcessEngine engineBuilt) {
    return plugin.forms();
  }
}
