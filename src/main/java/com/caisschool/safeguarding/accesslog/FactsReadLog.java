package com.caisschool.safeguarding.accesslog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every successful read of a case's facts through the REST API, Tasklist and Cockpit
 * ({@link FactsReadPaths}) in the access log. The answer is held back until its read is recorded:
 * if the log cannot be written, the facts are not sent.
 */
class FactsReadLog extends OncePerRequestFilter {

  private final CasesOfRead cases;
  private final CaseReads reads;

  FactsReadLog(CasesOfRead cases, CaseReads reads) {
    this.cases = cases;
    this.reads = reads;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<FactsReadPaths.Read> read = FactsReadPaths.of(request.getMethod(), path);
    String reader = reader();
    if (read.isEmpty() || reader == null) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    if (held.getStatus() >= 200 && held.getStatus() < 300) {
      List<String> references = cases.of(read.get(), held.getContentAsByteArray());
      reads.record(references, reader, read.get().wayIn(), read.get().what());
    }
    held.copyBodyToResponse();
  }

  private static String reader() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
  }
}
