package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security's chain runs without Spring MVC's handler lookup in front of it (issue 25,
 * {@link WithoutMvcHandlerLookup}), which is sound only while no rule consults Spring MVC: every
 * request matcher in every chain, the rules written as plain strings included, is a path pattern
 * or built from path patterns. The doors those string rules open stay as they were.
 */
@ApplicationTest
class WithoutMvcHandlerLookupTest {

  /** Matchers and helpers that ask Spring MVC's handler mappings (or choose to, request by request). */
  private static final List<String> CONSULTS_SPRING_MVC = List.of("MvcRequestMatcher", "DeferredRequestMatcher",
      "DispatcherServletDelegatingRequestMatcher", "HandlerMappingIntrospector", "MvcRequestMatcherFactory");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void theSecurityChainIsSpringSecuritysOwnWithoutTheLookupFilter() {
    Object chain = context.getBean(WithoutMvcHandlerLookup.CHAIN);
    // Spring Security's own chain (itself a composite in 6.5), no longer inside the one with the lookup filter.
    assertThat(chain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    assertThat(((FilterChainProxy) chain).getFilterChains()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void noRuleInAnyChainConsultsSpringMvcAndTheStringRulesArePathPatterns() throws IllegalAccessException {
    FilterChainProxy chain = context.getBean(WithoutMvcHandlerLookup.CHAIN, FilterChainProxy.class);
    List<Object> reached = new ArrayList<>();
    walk(chain.getFilterChains(), Collections.newSetFromMap(new IdentityHashMap<>()), reached, 0);

    assertThat(reached).extracting(object -> object.getClass().getName())
        .noneMatch(name -> CONSULTS_SPRING_MVC.stream().anyMatch(name::contains));
    // The rules written as strings ("/login", the health probes) are among the path patterns.
    assertThat(reached).filteredOn(PathPatternRequestMatcher.class::isInstance).extracting(Object::toString)
        .anyMatch(text -> text.contains("/login/second-factor"))
        .anyMatch(text -> text.contains("/actuator/health/readiness"));
  }

  @Test
  void theDoorsOfTheStringRulesStayAsTheyWere() {
    WebappSession anonymous = WebappSession.anonymous(port);
    assertThat(anonymous.page("/login").status()).isEqualTo(200);
    assertThat(anonymous.page("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous.page("/start").status()).isEqualTo(302);
    assertThat(RestApi.anonymous(port).get("/task").status()).isEqualTo(401);
    assertThat(RestApi.as(port, "teacher", "demo").get("/task?maxResults=1").status()).isEqualTo(200);
    assertThat(WebappSession.loggedIn(port, "teacher", "demo").page("/casefile").status()).isEqualTo(403);
  }

  /** Everything reachable from the chains through fields, collections and arrays (Spring's and ours). */
  private static void walk(Object object, Set<Object> seen, List<Object> reached, int depth) throws IllegalAccessException {
    if (object == null || depth > 40 || !seen.add(object)) {
      return;
    }
    reached.add(object);
    if (object instanceof Collection<?> items) {
      for (Object item : List.copyOf(items)) {
        walk(item, seen, reached, depth + 1);
      }
      return;
    }
    if (object instanceof Map<?, ?> entries) {
      for (Map.Entry<?, ?> entry : Map.copyOf(entries).entrySet()) {
        walk(entry.getKey(), seen, reached, depth + 1);
        walk(entry.getValue(), seen, reached, depth + 1);
      }
      return;
    }
    Class<?> type = object.getClass();
    if (type.isArray()) {
      if (!type.getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(object); i++) {
          walk(Array.get(object, i), seen, reached, depth + 1);
        }
      }
      return;
    }
    if (!inspectable(type)) {
      return;
    }
    for (Class<?> level = type; level != null && inspectable(level); level = level.getSuperclass()) {
      for (Field field : level.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        field.setAccessible(true);
        walk(field.get(object), seen, reached, depth + 1);
      }
    }
  }

  /** The security configuration's own objects: Spring Security's and this application's (not the engine, not the JDK). */
  private static boolean inspectable(Class<?> type) {
    String name = type.getName();
    return name.startsWith("org.springframework.security.") || name.startsWith("com.caisschool.safeguarding.security");
  }
}
