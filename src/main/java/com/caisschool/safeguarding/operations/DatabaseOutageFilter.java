package com.caisschool.safeguarding.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: when a request fails because the database cannot be reached (checking the
 * password, loading the web session, starting a case), the caller gets 503 with a message that
 * says plainly that nothing was saved and what to do, instead of a bare 500. The engine's
 * transaction was rolled back, so no half-written case remains. Logs the method and path only.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  static final String MESSAGE = "The safeguarding system cannot reach its database right now, so"
      + " nothing was saved. Please try again in a few minutes. If a child may be in danger, do not"
      + " wait: tell the Child Protection Officer in person or by phone now.";

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final int retryAfterSeconds;

  DatabaseOutageFilter(int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException | IOException error) {
      if (!DatabaseOutage.isCauseOf(error) || response.isCommitted()) {
        throw error;
      }
      log.warn("Database unreachable: answered 503 to {} {}", request.getMethod(), request.getRequestURI());
      response.resetBuffer();
      ServiceUnavailableAnswer.write(response, "DatabaseUnavailable", MESSAGE, retryAfterSeconds);
    }
  }
}
