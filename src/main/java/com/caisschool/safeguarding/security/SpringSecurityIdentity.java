package com.caisschool.safeguarding.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda who Spring Security authenticated, with the groups {@link CurrentMembership} read
 * from Camunda's identity store for this very request (so a membership changed in Camunda Admin
 * counts from the next request, and the store is not asked twice); without them, Camunda reads them.
 * Instantiated by Camunda's filters by class name, hence public with a no-argument constructor.
 */
public class SpringSecurityIdentity implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
    if (request.getAttribute(CurrentMembership.GROUPS_NOW) instanceof List<?> groups) {
      result.setGroups(groups.stream().map(String.class::cast).toList());
    }
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security answers unauthenticated requests before they get here.
  }
}
