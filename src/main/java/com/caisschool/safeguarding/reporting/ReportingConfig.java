package com.caisschool.safeguarding.reporting;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.forms.FormDefinitions;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The public report page and its QR code: beans, and the security chain for /report. */
@Configuration
class ReportingConfig {

  /** No scripts, no frames, nothing from elsewhere: the page is plain HTML and one style sheet. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /**
   * Open to everyone, before the webapps' chain. Stateless (no session for visitors); CSRF is on,
   * with the token in a cookie of its own that only /report sees; the posts are guarded by
   * size and rate first.
   */
  @Bean
  @Order(1)
  SecurityFilterChain publicReportPage(HttpSecurity http, ClientRateLimit rateLimit,
      PublicReportProperties properties, SpringTemplateEngine templates) throws Exception {
    CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
    csrfTokens.setCookieName("REPORT-XSRF");
    csrfTokens.setCookiePath("/report");
    csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
    // "/report/**" also matches "/report" itself.
    http.securityMatcher(path("/report/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
        .exceptionHandling(errors -> errors.accessDeniedHandler(new ExpiredPageAgain(csrfTokens)))
        .addFilterBefore(new PublicPageGuard(rateLimit, properties, templates, new ReportLocales()),
            CsrfFilter.class)
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .frameOptions(frame -> frame.deny()));
    return http.build();
  }

  /** The language of the public page (the rest of the application has no Spring MVC views). */
  @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver() {
    return new ReportLocales();
  }

  /** messages.properties and messages_zh_CN.properties; never the server's own language. */
  @Bean(name = "messageSource")
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @Bean
  public ChannelConcerns channelConcerns(RuntimeService runtimeService, IdentityService identityService) {
    return new ChannelConcerns(runtimeService, identityService);
  }

  @Bean
  PublicReports publicReports(ChannelConcerns concerns, RuntimeService runtimeService,
      HistoryService historyService, TaskService taskService, IdentityService identityService,
      JdbcTemplate jdbc, TransactionTemplate transaction) {
    return new PublicReports(concerns, runtimeService, historyService, taskService, identityService, jdbc, transaction);
  }

  @Bean
  ConcernChoices concernChoices(FormDefinitions forms, RepositoryService repositoryService,
      IdentityService identityService) {
    return new ConcernChoices(forms, repositoryService, identityService);
  }

  @Bean
  ReportFormCheck reportFormCheck(PublicReportProperties properties, ConcernChoices choices,
      SafeguardingProperties safeguarding, @Value("${safeguarding.school-date-format}") String schoolDateFormat) {
    return new ReportFormCheck(properties, choices, safeguarding.schoolTimeZone(), schoolDateFormat);
  }

  @Bean
  ClientRateLimit clientRateLimit(PublicReportProperties properties) {
    return new ClientRateLimit(properties.rateLimit().requests(), properties.rateLimit().per());
  }

  @Bean
  ReportQrCodes reportQrCodes(SafeguardingProperties safeguarding) {
    return new ReportQrCodes(safeguarding.publicBaseUrl());
  }

  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
