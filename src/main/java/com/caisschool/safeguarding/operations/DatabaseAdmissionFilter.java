package com.caisschool.safeguarding.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the engine's APIs (the REST API, and Tasklist's and Cockpit's calls) work with the database
 * only with a place from {@link DatabaseAdmission}, taken before the password check and the web
 * session, which need a connection too. Without a place after the wait: 503, nothing saved.
 */
class DatabaseAdmissionFilter extends OncePerRequestFilter {

  static final String MESSAGE = "The safeguarding system is too busy to take this request right now, so"
      + " nothing was saved. Please try again in a minute. If a child may be in danger, do not wait: tell"
      + " the Child Protection Officer in person or by phone now.";

  private static final Logger log = LoggerFactory.getLogger(DatabaseAdmissionFilter.class);

  private final DatabaseAdmission admission;

  DatabaseAdmissionFilter(DatabaseAdmission admission) {
    this.admission = admission;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<DatabaseAdmission.Place> place = admission.tryEnter();
    if (place.isEmpty()) {
      log.warn("Busy: answered 503 to {} {}", request.getMethod(), request.getRequestURI());
      ServiceUnavailableAnswer.write(response, "Busy", MESSAGE, 30);
      return;
    }
    try (DatabaseAdmission.Place taken = place.get()) {
      chain.doFilter(request, response);
    }
  }
}
