package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.security.provider.SchoolSignIn;
import com.caisschool.safeguarding.security.secondfactor.RestBasicAuthentication;
import com.caisschool.safeguarding.security.secondfactor.SecondFactorPolicy;
import com.caisschool.safeguarding.security.secondfactor.SecondFactorSignIn;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security is the one door. The REST API takes HTTP Basic (stateless, never anonymous;
 * not for accounts that need a second factor) and, with a school provider, its bearer tokens;
 * Tasklist, Cockpit and Admin sit behind Spring's form login (plus a one-time code for privileged
 * local accounts) or the provider's sign-in, and Camunda's container-based authentication hands
 * the Spring identity to the webapps. Passwords are checked against Camunda's identity store
 * ({@link CamundaIdentityAuthentication}), so local users and groups stay managed in Camunda Admin.
 * Other pages (a public reporting channel) bring their own chain.
 */
@Configuration
class WebSecurityConfig {

  private static String[] groups(java.util.List<String> groupIds) {
    return groupIds.stream().map(group -> CamundaIdentityAuthentication.GROUP_PREFIX + group).toArray(String[]::new);
  }

  /**
   * Rules written as plain strings ({@code requestMatchers("/login")}, the log-in and log-out
   * pages) become path patterns like the rest, instead of matchers that ask Spring MVC which
   * handler serves each request (issue 25): the same paths, matched as Spring MVC matches them.
   */
  @Bean
  static PathPatternRequestMatcherBuilderFactoryBean pathPatternRules() {
    return new PathPatternRequestMatcherBuilderFactoryBean();
  }

  /** Spring Security's chain without Spring MVC's handler lookup at every request ({@link WithoutMvcHandlerLookup}). */
  @Bean
  static WithoutMvcHandlerLookup withoutMvcHandlerLookup() {
    return new WithoutMvcHandlerLookup();
  }

  /**
   * Spring Security observes nothing: its observations (a timer and counters per filter, per
   * sign-in and per access decision) are off already
   * ({@code management.observations.enable.spring.security: false}), but the chains still wrapped
   * every filter, the authentication manager and each access decision in an observation that the
   * registry then dropped, at every request (issue 25). Without observations they are not wrapped.
   * Request metrics ({@code http.server.requests}) are Spring MVC's and Tomcat's, not these.
   */
  @Bean
  static SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Where Camunda's webapp log-out button posts; it logs out of Spring as well. */
  private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

  @Bean
  @Order(10)
  SecurityFilterChain restApi(HttpSecurity http, CamundaIdentityAuthentication identities,
      SecondFactorPolicy secondFactor, ObjectProvider<SchoolSignIn> schoolSignIn, AccessProperties access,
      CurrentMembership membership) throws Exception {
    http.securityMatcher(path("/engine-rest/**"))
        .authenticationProvider(new RestBasicAuthentication(identities, secondFactor))
        .authorizeHttpRequests(requests -> {
          restricted(requests, access, "/engine-rest");
          requests.anyRequest().authenticated();
        })
        .addFilterBefore(membership.filter(), AuthorizationFilter.class)
        // The sign-in leaves what it read with its request (SignInDetails): read once per request.
        .httpBasic(basic -> basic.realmName("CAIS Safeguarding").authenticationDetailsSource(SignInDetails::new))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless HTTP Basic: no cookie a foreign page could ride on, so no CSRF token.
        .csrf(csrf -> csrf.disable());
    SchoolSignIn provider = schoolSignIn.getIfAvailable();
    if (provider != null) {
      provider.bearerTokens(http);
    }
    return http.build();
  }

  @Bean
  @Order(100)
  SecurityFilterChain webapps(HttpSecurity http, CamundaIdentityAuthentication identities,
      WebappApplicationAccess applicationAccess, SecondFactorSignIn secondFactor,
      ObjectProvider<SchoolSignIn> schoolSignIn, DutyPageReaders duties, ModelPageUsers models,
      AccessProperties access, CurrentMembership membership, CoverPageUsers cover, OnCallPageUsers onCall)
      throws Exception {
    http.authenticationProvider(identities)
        .addFilterBefore(membership.filter(), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> restricted(requests, access, "/camunda/api/engine/engine/{engine}")
            .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
            .requestMatchers("/login", "/login/second-factor").permitAll()
            // Health probes: status only (management.endpoint.health in application.yaml).
            .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
            // Camunda's own login and first-admin set-up would bypass this door: closed.
            .requestMatchers(path("/camunda/api/admin/auth/user/{engine}/login/**"),
                path("/camunda/api/admin/setup/**")).denyAll()
            // Who the user is and log-out serve every webapp; the rest of an app's API needs that app.
            .requestMatchers(path("/camunda/api/admin/auth/**")).authenticated()
            .requestMatchers(path("/camunda/api/{app:cockpit|admin|tasklist}/**")).access(applicationAccess)
            // The case file: the CPO and the deputy only (README "The case file").
            .requestMatchers(path("/casefile/**")).hasAnyAuthority(
                CamundaIdentityAuthentication.GROUP_PREFIX + "cpo", CamundaIdentityAuthentication.GROUP_PREFIX + "dcpo")
            // Standing duties (README "Standing duties"): the roles of safeguarding.duties.
            .requestMatchers(path("/overview")).hasAnyAuthority(groups(duties.overviewReaders()))
            .requestMatchers(path("/board-report"), path("/board-report.csv"), path("/board-report.pdf"))
                .hasAnyAuthority(groups(duties.boardReportReaders()))
            .requestMatchers(path("/recruitment")).hasAnyAuthority(groups(duties.recruitmentRecordReaders()))
            .requestMatchers(path("/training"), path("/trips")).authenticated()
            // Each user's own language (README "Languages").
            .requestMatchers(path("/language")).authenticated()
            // Cover for absence (README "School calendar, cover and on-call"): safeguarding.cover.recorders.
            .requestMatchers(path("/cover"), path("/cover/**")).hasAnyAuthority(groups(cover.recorders()))
            // Changing a model (README "Changing a model"): approvers; moving cases: administrators.
            .requestMatchers(path("/models/migration"), path("/models/migration/**"))
                .hasAnyAuthority(groups(models.migrationGroups()))
            .requestMatchers(path("/models"), path("/models/**")).hasAnyAuthority(groups(models.approverGroups()))
            // On call (README "On call and urgent alerts"): the signed link acknowledges without
            // signing in (it names one alert and one person); the rota is for its editors.
            .requestMatchers(path("/on-call/acknowledge")).permitAll()
            .requestMatchers(path("/on-call"), path("/on-call/**")).hasAnyAuthority(groups(onCall.rotaEditors()))
            .requestMatchers(path("/"), path("/start"), path("/start/confirmation/*"), path("/camunda/**")).authenticated()
            .anyRequest().denyAll())
        .formLogin(form -> form.loginPage("/login").permitAll().successHandler(secondFactor))
        .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path("/camunda/api/**")))
        // The webapps' log-out button (its script then opens the log-in page) and the application's
        // own pages' log-out form, which lands on the log-in page.
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, WEBAPP_LOGOUT), path(HttpMethod.POST, "/logout")))
            .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
                path(HttpMethod.POST, WEBAPP_LOGOUT))
            .logoutSuccessUrl("/login?logout"))
        // Camunda's webapps carry their own CSRF protection (CsrfPreventionFilter, X-XSRF-TOKEN),
        // on for every state-changing /camunda request; Spring's guards the login form.
        .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
        .addFilterBefore(new PagePolicy(), HeaderWriterFilter.class)
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.sameOrigin()));
    SchoolSignIn provider = schoolSignIn.getIfAvailable();
    if (provider != null) {
      provider.signInPages(http);
    }
    return http.build();
  }

  /** Tasklist, Cockpit and Admin take the user Spring Security authenticated. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("camunda-webapp-container-authentication");
    registration.addInitParameter("authentication-provider", SpringSecurityIdentity.class.getName());
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /** The REST API runs engine calls as the user Spring Security authenticated. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(new EngineRestAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter("authentication-provider", SpringSecurityIdentity.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * Engine API paths that only some roles may call ({@code safeguarding.access.restricted-rest}),
   * under the REST API and under the webapps' copy of it alike.
   */
  private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry restricted(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
      AccessProperties access, String apiRoot) {
    for (AccessProperties.Restriction restriction : access.restrictedRest()) {
      requests.requestMatchers(restriction.paths().stream().map(p -> path(apiRoot + p)).toArray(PathPatternRequestMatcher[]::new))
          .hasAnyAuthority(groups(restriction.groups()));
    }
    return requests;
  }

  /** Wrong passwords slow the guesser for a while, never lock an account for good (README "Signing in"). */
  @Bean
  SignInThrottle signInThrottle(
      @Value("${safeguarding.sign-in-throttle.max-failures-per-client:20}") int perClient,
      @Value("${safeguarding.sign-in-throttle.max-failures-per-user-and-client:5}") int perUserAndClient,
      @Value("${safeguarding.sign-in-throttle.window:PT15M}") java.time.Duration window,
      @Value("${safeguarding.sign-in-throttle.user-pause:PT2S}") java.time.Duration userPause) {
    return new SignInThrottle(new SignInThrottle.Limits(perClient, perUserAndClient, window, userPause));
  }

  /** System administrators unlock accounts (the engine allows it to superusers only). */
  @Bean
  FilterRegistrationBean<AdminUnlock> adminUnlock(IdentityService identityService, SignInThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new AdminUnlock(identityService, throttle));
    registration.setName("admin-unlock");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  /** Path matchers that also match requests served by Camunda's Jersey servlets. */
  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static PathPatternRequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
