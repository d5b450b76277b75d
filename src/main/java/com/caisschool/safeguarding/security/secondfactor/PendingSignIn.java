package com.caisschool.safeguarding.security.secondfactor;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;

/**
 * A password accepted, a code still to come: kept in the web session meanwhile, while the user
 * is not yet signed in. While enrolling, it also holds the new secret until a code proves it.
 */
final class PendingSignIn implements Serializable {

  static final String SESSION_ATTRIBUTE = PendingSignIn.class.getName();
  private static final long serialVersionUID = 1L;

  private final String userId;
  private final List<GrantedAuthority> authorities;
  private final String enrolmentSecret;
  private int wrongCodes;

  PendingSignIn(String userId, List<GrantedAuthority> authorities, String enrolmentSecret) {
    this.userId = userId;
    this.authorities = List.copyOf(authorities);
    this.enrolmentSecret = enrolmentSecret;
  }

  String userId() {
    return userId;
  }

  List<GrantedAuthority> authorities() {
    return authorities;
  }

  /** The secret being set up, or null when the account is already enrolled. */
  String enrolmentSecret() {
    return enrolmentSecret;
  }

  int wrongCode() {
    return ++wrongCodes;
  }
}
