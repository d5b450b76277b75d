package com.caisschool.safeguarding.security.secondfactor;

import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a correct password: an account that needs a second factor is not signed in yet. It is
 * sent to the code page (or, without a secret, to enrolment); every other account goes on as before.
 */
@Component
public class SecondFactorSignIn implements AuthenticationSuccessHandler {

  static final String CODE_PAGE = "/login/second-factor";
  /** Where a signed-in user lands when no page was asked for: "Report a concern" first (issue 23). */
  public static final String HOME = "/start";

  private final SecondFactorPolicy policy;
  private final SecondFactorStore store;
  private final SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();

  SecondFactorSignIn(SecondFactorPolicy policy, SecondFactorStore store) {
    this.policy = policy;
    this.store = store;
    signedIn.setDefaultTargetUrl(HOME);
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException, ServletException {
    if (!policy.requiredFor(authentication)) {
      signedIn.onAuthenticationSuccess(request, response, authentication);
      return;
    }
    // Undo the sign-in until the code is given.
    SecurityContextHolder.clearContext();
    new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    String userId = authentication.getName();
    String enrolmentSecret = store.secretOf(userId).isPresent() ? null : new DefaultSecretGenerator().generate();
    request.getSession().setAttribute(PendingSignIn.SESSION_ATTRIBUTE,
        new PendingSignIn(userId, List.copyOf(authentication.getAuthorities()), enrolmentSecret));
    response.sendRedirect(request.getContextPath() + CODE_PAGE);
  }
}
