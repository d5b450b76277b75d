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
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity store (salted hashes), throttled by
 * {@link SignInThrottle} (per client address and per account, time-limited; Camunda's own lockout,
 * which locked an account for good, is off in application.yaml). A throttled attempt is refused
 * even with the right password. The answer never says which of the two was wrong. A password that
 * passed lately is not checked again at once ({@link RecentPasswordChecks}: HTTP Basic sends it
 * with every request).
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  /** Camunda groups become Spring authorities with this prefix. */
  public static final String GROUP_PREFIX = "GROUP_";
  private static final String REFUSED = "Wrong user name or password, or too many attempts: wait a minute and retry.";

  private final IdentityService identityService;
  private final SignInThrottle throttle;
  private final RecentPasswordChecks recentChecks;

  CamundaIdentityAuthentication(IdentityService identityService, SignInThrottle throttle,
      RecentPasswordChecks recentChecks) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.recentChecks = recentChecks;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String userId = attempt.getName();
    Object password = attempt.getCredentials();
    String client = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
        ? web.getRemoteAddress() : "unknown";
    if (userId == null || userId.isBlank() || password == null || !throttle.mayTry(userId, client)) {
      throw new BadCredentialsException(REFUSED);
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    // Users who sign in through the school's provider have none (and Camunda cannot check an absent one).
    String storedHash = user == null ? null : user.getPassword();
    boolean hasPassword = user == null || storedHash != null;
    String given = password.toString();
    if (!hasPassword || !(recentChecks.passedLately(userId, given, storedHash) || checkedNow(userId, given, storedHash))) {
      recentChecks.failed(userId);
      throttle.failed(userId, client);
      throw new BadCredentialsException(REFUSED);
    }
    throttle.succeeded(userId, client);
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  private boolean checkedNow(String userId, String password, String storedHash) {
    boolean right = identityService.checkPassword(userId, password);
    if (right) {
      recentChecks.passed(userId, password, storedHash);
    }
    return right;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
