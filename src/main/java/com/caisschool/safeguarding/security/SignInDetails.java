package com.caisschool.safeguarding.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of an HTTP Basic sign-in (the REST API signs in at every request): besides the
 * client's address, a place in the request being served where the sign-in leaves the membership
 * it read, so that {@link CurrentMembership} takes it instead of reading it again. The place lives
 * in that request only (a request attribute): a later request never finds it, whatever becomes of
 * the authentication, and reads the membership again.
 */
final class SignInDetails extends WebAuthenticationDetails {

  private static final long serialVersionUID = 1L;
  private static final String READ_AT_SIGN_IN = SignInDetails.class.getName() + ".membership";

  private final transient AtomicReference<IdentityReads.Membership> readHere = new AtomicReference<>();

  SignInDetails(HttpServletRequest request) {
    super(request);
    request.setAttribute(READ_AT_SIGN_IN, readHere);
  }

  /** Leaves what a sign-in that passed read with the request. */
  void keep(IdentityReads.Membership membership) {
    if (readHere != null) {
      readHere.set(membership);
    }
  }

  /** The membership the sign-in of this request read for this user, if it signed them in. */
  static Optional<IdentityReads.Membership> readAtSignIn(jakarta.servlet.ServletRequest request, String userId) {
    return request.getAttribute(READ_AT_SIGN_IN) instanceof AtomicReference<?> place
        && place.get() instanceof IdentityReads.Membership membership && membership.userId().equals(userId)
        ? Optional.of(membership) : Optional.empty();
  }
}
