package com.caisschool.safeguarding.security.provider;

import java.time.Instant;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A user signed in through the school's provider, with their school roles and when they signed in. */
class SchoolAccount extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final Instant signedInAt;

  SchoolAccount(Collection<? extends GrantedAuthority> roles, OidcIdToken idToken, OidcUserInfo userInfo,
      String userIdClaim, Instant signedInAt) {
    super(roles, idToken, userInfo, userIdClaim);
    this.signedInAt = signedInAt;
  }

  Instant signedInAt() {
    return signedInAt;
  }
}
