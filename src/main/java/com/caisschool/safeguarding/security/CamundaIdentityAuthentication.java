package com.caisschool.safeguarding.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
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
 * with every request). The user, the password check and the groups (with the tenants the REST API
 * passes to the engine) are read in one engine command ({@link IdentityReads}), and kept with the
 * request ({@link SignInDetails}) so that {@link CurrentMembership} need not read them again.
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  /** Camunda groups become Spring authorities with this prefix. */
  public static final String GROUP_PREFIX = "GROUP_";
  private static final String REFUSED = "Wrong user name or password, or too many attempts: wait a minute and retry.";

  private final IdentityService identityService;
  private final IdentityReads reads;
  private final SignInThrottle throttle;
  private final RecentPasswordChecks recentChecks;

  CamundaIdentityAuthentication(IdentityService identityService, IdentityReads reads, SignInThrottle throttle,
      RecentPasswordChecks recentChecks) {
    this.identityService = identityService;
    this.reads = reads;
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
    String given = password.toString();
    Optional<IdentityReads.Membership> signedIn = reads.inOneCommand(() -> {
      User user = reads.readUser(userId);
      // Users who sign in through the school's provider have none (and Camunda cannot check an absent one).
      String storedHash = user == null ? null : user.getPassword();
      boolean hasPassword = user == null || storedHash != null;
      boolean right = hasPassword && (recentChecks.passedLately(userId, given, storedHash) || checkedNow(userId, given, storedHash));
      return right ? Optional.of(reads.readMembership(userId)) : Optional.<IdentityReads.Membership>empty();
    });
    if (signedIn.isEmpty()) {
      recentChecks.failed(userId);
      throttle.failed(userId, client);
      throw new BadCredentialsException(REFUSED);
    }
    throttle.succeeded(userId, client);
    if (attempt.getDetails() instanceof SignInDetails details) {
      details.keep(signedIn.get());
    }
    List<SimpleGrantedAuthority> groups = signedIn.get().groups().stream()
        .map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList();
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
