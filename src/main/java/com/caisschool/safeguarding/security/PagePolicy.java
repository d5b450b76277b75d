package com.caisschool.safeguarding.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy for the pages the application renders itself behind the log-in (the
 * log-in and second-factor pages, the case file): no script at all, nothing from elsewhere, the
 * page's own style sheet by a per-request nonce ({@code cspNonce} in the template), forms posting
 * only here. Whatever a reporter wrote cannot load or send anything from these pages.
 * Tasklist, Cockpit and Admin keep Camunda's own policy (see webapps/RequestScopedCspNonce).
 */
class PagePolicy extends OncePerRequestFilter {

  static final String NONCE_ATTRIBUTE = "cspNonce";

  private static final RequestMatcher PAGES = new OrRequestMatcher(
      PathPatternRequestMatcher.withDefaults().matcher("/login/**"),
      PathPatternRequestMatcher.withDefaults().matcher("/casefile/**"));

  private final SecureRandom random = new SecureRandom();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (PAGES.matches(request)) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      String nonce = Base64.getEncoder().encodeToString(bytes);
      request.setAttribute(NONCE_ATTRIBUTE, nonce);
      response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "';"
          + " img-src 'self' data:; form-action 'self'; frame-ancestors 'self'; base-uri 'none'");
    }
    chain.doFilter(request, response);
  }
}
