package com.caisschool.safeguarding.security.secondfactor;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.second-factor}: which local accounts must give a one-time code from an
 * authenticator app after their password (README "Signing in with the school's accounts").
 *
 * @param enforced whether the second factor is asked for (off only for the embedded demo)
 * @param roles holding any of these roles makes a local account need it
 * @param maxWrongCodes wrong codes after which the sign-in starts again from the password
 * @param recoveryCodes how many single-use recovery codes an account gets at enrolment
 */
@ConfigurationProperties("safeguarding.second-factor")
public record SecondFactorProperties(boolean enforced, List<String> roles, int maxWrongCodes, int recoveryCodes) {

  public SecondFactorProperties {
    roles = roles == null ? List.of() : List.copyOf(roles);
    maxWrongCodes = maxWrongCodes <= 0 ? 5 : maxWrongCodes;
    recoveryCodes = recoveryCodes <= 0 ? 10 : recoveryCodes;
  }
}
