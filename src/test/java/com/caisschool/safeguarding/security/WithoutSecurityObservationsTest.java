package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.RestApi;
import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security's chains run without wrapping each filter, the sign-in and each access decision
 * in an observation (issue 25: its observations are off, so every one was made and dropped at
 * every request). The sign-in and the access rules themselves answer as before.
 */
@ApplicationTest
class WithoutSecurityObservationsTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void noFilterSignInOrAccessDecisionIsWrappedInAnObservation() {
    FilterChainProxy proxy = context.getBean(WithoutMvcHandlerLookup.CHAIN, FilterChainProxy.class);
    assertThat(ReflectionTestUtils.getField(innermost(proxy), "filterChainDecorator")).as("the chains' decorator")
        .isNotNull().extracting(Object::getClass).extracting(Class::getSimpleName).asString()
        .doesNotContain("Observation");

    List<Filter> filters = proxy.getFilterChains().stream().map(SecurityFilterChain::getFilters)
        .flatMap(List::stream).toList();
    List<Object> signIns = filters.stream().filter(BasicAuthenticationFilter.class::isInstance)
        .map(filter -> ReflectionTestUtils.getField(filter, "authenticationManager")).toList();
    List<Object> decisions = filters.stream().filter(AuthorizationFilter.class::isInstance)
        .map(filter -> (Object) ((AuthorizationFilter) filter).getAuthorizationManager()).toList();

    assertThat(signIns).as("the REST API's HTTP Basic sign-in").isNotEmpty()
        .allSatisfy(manager -> assertThat(manager.getClass().getSimpleName()).doesNotContain("Observation"));
    assertThat(decisions).as("each chain's access rules").hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(manager -> assertThat(manager.getClass().getSimpleName()).doesNotContain("Observation"));
  }

  /** Spring Security 6.5's chain bean is a composite around the proxy that runs the chains. */
  private static FilterChainProxy innermost(FilterChainProxy proxy) {
    for (Class<?> type = proxy.getClass(); type != FilterChainProxy.class; type = type.getSuperclass()) {
      if (java.util.Arrays.stream(type.getDeclaredFields()).anyMatch(field -> field.getName().equals("springSecurityFilterChain"))) {
        return innermost((FilterChainProxy) ReflectionTestUtils.getField(proxy, "springSecurityFilterChain"));
      }
    }
    return proxy;
  }

  @Test
  void theSignInAndTheRulesAnswerAsBefore() {
    assertThat(RestApi.as(port, "teacher", "demo").get("/task?maxResults=1").status()).isEqualTo(200);
    assertThat(RestApi.as(port, "teacher", "wrong").get("/task?maxResults=1").status()).isEqualTo(401);
    assertThat(RestApi.anonymous(port).get("/task").status()).isEqualTo(401);
  }
}
