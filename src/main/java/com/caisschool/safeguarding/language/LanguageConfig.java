package com.caisschool.safeguarding.language;

import com.caisschool.safeguarding.worklists.WorklistProperties;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each signed-in user's language on every page request ({@link UserLanguageRequests}) and in the
 * names the webapps list ({@link WebappNameAnswers}).
 */
@Configuration
class LanguageConfig {

  /** After Spring Security, which tells who the user is. */
  @Bean
  FilterRegistrationBean<UserLanguageRequests> userLanguageRequests(UserLanguages languages) {
    var registration = new FilterRegistrationBean<>(new UserLanguageRequests(languages));
    registration.setName("user-language-requests");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
    return registration;
  }

  /** The names in the webapps' API answers in the reader's language (after Spring Security, too). */
  @Bean
  FilterRegistrationBean<WebappNameAnswers> webappNameAnswers(UserLanguages languages, Environment environment,
      WorklistProperties worklists, ObjectProvider<ProcessEngine> engine) {
    // The roles' names (safeguarding.roles) read here: the identity set-up already depends on this package.
    Map<String, String> roles = Binder.get(environment)
        .bind("safeguarding.roles", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    List<String> cardVariables = worklists.cardVariables().stream().map(WorklistProperties.ShownVariable::name).toList();
    WebappNames names = WebappNames.fromClassPath(roles);
    var registration = new FilterRegistrationBean<>(new WebappNameAnswers(names, CardValues.fromClassPath(cardVariables),
        new ProcessNameSearch(names, engine), languages));
    registration.setName("webapp-name-answers");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }
}
