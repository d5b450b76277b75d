package com.caisschool.safeguarding.language;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each signed-in user's language on every page request ({@link UserLanguageRequests}). */
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
}
