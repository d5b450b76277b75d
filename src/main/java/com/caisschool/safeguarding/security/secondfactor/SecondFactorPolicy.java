package com.caisschool.safeguarding.security.secondfactor;

import com.caisschool.safeguarding.security.CamundaIdentityAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Whether a local account, signed in with its password, must also give a one-time code. */
@Component
public class SecondFactorPolicy {

  private final SecondFactorProperties properties;

  SecondFactorPolicy(SecondFactorProperties properties) {
    this.properties = properties;
  }

  public boolean requiredFor(Authentication passwordSignIn) {
    return properties.enforced() && passwordSignIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> properties.roles().stream()
            .anyMatch(role -> authority.equals(CamundaIdentityAuthentication.GROUP_PREFIX + role)));
  }
}
