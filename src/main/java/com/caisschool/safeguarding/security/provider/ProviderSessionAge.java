package com.caisschool.safeguarding.security.provider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a provider sign-in once it is older than the configured session age: the user signs in
 * again (usually without typing anything, the provider remembers them) and their roles are read
 * afresh, so someone removed from a group in the school's directory loses that role by then.
 */
class ProviderSessionAge extends OncePerRequestFilter {

  private final Duration sessionAge;

  ProviderSessionAge(Duration sessionAge) {
    this.sessionAge = sessionAge;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SchoolAccount account
        && account.signedInAt().plus(sessionAge).isBefore(EngineTime.now())) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }
}
