package com.caisschool.safeguarding.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The doors into the application. The Camunda webapps authenticate with their own login page and
 * CSRF protection; the REST API demands HTTP Basic credentials checked against Camunda's identity
 * store (failed attempts lock the account for a growing delay). Everything else is closed.
 */
@Configuration
class WebSecurityConfig {

  @Bean
  SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
    http
        .authorizeHttpRequests(requests -> requests
            .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
            .requestMatchers("/", "/camunda/**", "/engine-rest/**", "/actuator/health").permitAll()
            .anyRequest().denyAll())
        // The webapps carry Camunda's own CSRF filter; the REST API is stateless Basic auth.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  /** HTTP Basic for /engine-rest, checked by the engine against its users (never anonymous). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter("authentication-provider",
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
