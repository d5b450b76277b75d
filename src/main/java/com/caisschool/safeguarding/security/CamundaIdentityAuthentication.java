package com.caisschool.safeguarding.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity store (salted hashes). Camunda also
 * throttles: after a wrong password the account is locked for a delay that grows with each further
 * failure, and a locked account is refused even with the right password. The answer never says
 * which of the two was wrong.
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  /** Camunda groups become Spring authorities with this prefix. */
  public static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  CamundaIdentityAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String userId = attempt.getName();
    Object password = attempt.getCredentials();
    if (userId == null || userId.isBlank() || password == null || !hasPassword(userId)
        || !identityService.checkPassword(userId, password.toString())) {
      throw new BadCredentialsException("Wrong user name or password, or too many attempts: wait and retry.");
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  /** Users who sign in through the school's provider have none (and Camunda cannot check an absent one). */
  private boolean hasPassword(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null || user.getPassword() != null;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
