package com.caisschool.safeguarding.security;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The webapps' own APIs ({@code /camunda/api/cockpit/**}, {@code /camunda/api/admin/**}, ...) are
 * open only to users whom Camunda lets into that application (APPLICATION ACCESS, as granted in
 * Camunda Admin); Camunda itself checks this for the pages but not for every plugin API.
 */
@Component
class WebappApplicationAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final AuthorizationService authorizations;

  WebappApplicationAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
    Authentication user = authentication.get();
    if (user == null || !user.isAuthenticated() || user.getName() == null) {
      return new AuthorizationDecision(false);
    }
    String application = request.getVariables().get("app");
    List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(CamundaIdentityAuthentication.GROUP_PREFIX))
        .map(authority -> authority.substring(CamundaIdentityAuthentication.GROUP_PREFIX.length())).toList();
    return new AuthorizationDecision(authorizations.isUserAuthorized(user.getName(), groups,
        Permissions.ACCESS, Resources.APPLICATION, application));
  }
}
