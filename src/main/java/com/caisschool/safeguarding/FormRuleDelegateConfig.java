package com.caisschool.safeguarding;

import com.caisschool.safeguarding.forms.FormCheck;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.intake.CaseOpening;
import com.caisschool.safeguarding.intake.CaseReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans the models call by name, added with the self-harm response: opening a case from a
 * pathway's own start form ({@code ${openCase}}) and checking a task's form on completion
 * ({@code ${checkForm}}). Kept apart from {@link DelegateConfig} only so that parallel branches do
 * not collide; they belong there.
 */
@Configuration
class FormRuleDelegateConfig {

  @Bean
  CaseOpening openCase(FormDefinitions forms, SafeguardingProperties properties) {
    return new CaseOpening(forms, new CaseReferences(properties.schoolTimeZone()));
  }

  @Bean
  FormCheck checkForm(FormDefinitions forms) {
    return new FormCheck(forms);
  }
}
