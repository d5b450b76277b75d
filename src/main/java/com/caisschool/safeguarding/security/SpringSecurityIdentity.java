package com.caisschool.safeguarding.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda who Spring Security authenticated, with the groups and tenants {@link CurrentMembership}
 * passed on, read from Camunda's identity store during this very request (so a membership changed
 * in Camunda Admin counts from the next request, and the store is not asked again); without them,
 * Camunda reads them.
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
    IdentityReads.passedOn(request, authentication.getName()).ifPresent(membership -> {
      result.setGroups(membership.groups());
      result.setTenants(membership.tenants());
    });
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security answers unauthenticated requests before they get here.
  }
}
