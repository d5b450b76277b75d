package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.forms.FormDefinitions;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the case-process convention with the application's engine. */
@Configuration
class CaseProcessConfig {

  @Bean
  CaseProcessPlugin caseProcessPlugin(SafeguardingProperties properties) {
    return new CaseProcessPlugin(properties);
  }

  /** The forms as the engine reads them: one reader, shared by the pages that show their choices. */
  @Bean
  FormDefinitions formDefinitions(CaseProcessPlugin plugin, ProcessEngine engineBuilt) {
    return plugin.forms();
  }
}
