package com.caisschool.safeguarding.security.secondfactor;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic on the REST API carries a password and nothing else, so it is open only to local
 * accounts that need no second factor. A privileged account works in the web pages (password and
 * code); integrations use a non-privileged local account or the provider's bearer tokens.
 */
public class RestBasicAuthentication implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SecondFactorPolicy policy;

  public RestBasicAuthentication(AuthenticationProvider passwords, SecondFactorPolicy policy) {
    this.passwords = passwords;
    this.policy = policy;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    Authentication authenticated = passwords.authenticate(attempt);
    if (policy.requiredFor(authenticated)) {
      throw new SecondFactorRequired();
    }
    return authenticated;
  }

  /**
   * An account-status refusal: Spring's ProviderManager stops at it instead of asking the next
   * provider (the application-wide one, which checks the password alone).
   */
  static class SecondFactorRequired extends AccountStatusException {
    SecondFactorRequired() {
      super("This account needs a second factor: HTTP Basic is not accepted for it.");
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
