package com.caisschool.safeguarding.security.secondfactor;

import com.caisschool.safeguarding.webapps.WebappProperties;
import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a privileged local sign-in: a code from the authenticator app, or one of the
 * recovery codes. On the first sign-in the page enrols the app (QR code and the secret as text),
 * and once a code proves it, shows the recovery codes, once.
 */
@Controller
class SecondFactorPage {

  private final SecondFactorStore store;
  private final SecondFactorProperties properties;
  private final WebappProperties webapps;
  private final CodeVerifier codes;

  SecondFactorPage(SecondFactorStore store, SecondFactorProperties properties, WebappProperties webapps) {
    this.store = store;
    this.properties = properties;
    this.webapps = webapps;
    DefaultCodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), new SystemTimeProvider());
    // One 30-second step either side: phones' clocks drift.
    verifier.setAllowedTimePeriodDiscrepancy(1);
    this.codes = verifier;
  }

  @GetMapping(SecondFactorSignIn.CODE_PAGE)
  String codePage(HttpSession session, Model model) throws QrGenerationException {
    PendingSignIn pending = pending(session);
    if (pending == null) {
      return "redirect:/login";
    }
    return page(pending, model, false);
  }

  @PostMapping(SecondFactorSignIn.CODE_PAGE)
  String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
      HttpServletResponse response, Model model) throws QrGenerationException {
    HttpSession session = request.getSession();
    PendingSignIn pending = pending(session);
    if (pending == null) {
      return "redirect:/login";
    }
    String userId = pending.userId();
    String given = code.replace(" ", "").trim();
    if (pending.enrolmentSecret() != null) {
      if (!codes.isValidCode(pending.enrolmentSecret(), given)) {
        return wrongCode(pending, session, model);
      }
      List<String> recoveryCodes = List.of(new RecoveryCodeGenerator().generateCodes(properties.recoveryCodes()));
      store.enrol(userId, pending.enrolmentSecret(), recoveryCodes);
      signIn(pending, request, response);
      model.addAttribute("webapps", webapps);
      model.addAttribute("recoveryCodes", recoveryCodes);
      model.addAttribute("home", SecondFactorSignIn.HOME);
      return "recovery-codes";
    }
    boolean valid = store.secretOf(userId).map(secret -> codes.isValidCode(secret, given)).orElse(false)
        || (given.length() > 6 && store.useRecoveryCode(userId, given));
    if (!valid) {
      return wrongCode(pending, session, model);
    }
    signIn(pending, request, response);
    return "redirect:" + SecondFactorSignIn.HOME;
  }

  private String wrongCode(PendingSignIn pending, HttpSession session, Model model) throws QrGenerationException {
    if (pending.wrongCode() >= properties.maxWrongCodes()) {
      session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
      return "redirect:/login?error";
    }
    // Spring Session stores attributes when set: set again so the count is kept.
    session.setAttribute(PendingSignIn.SESSION_ATTRIBUTE, pending);
    return page(pending, model, true);
  }

  private String page(PendingSignIn pending, Model model, boolean wrongCode) throws QrGenerationException {
    model.addAttribute("webapps", webapps);
    model.addAttribute("wrongCode", wrongCode);
    model.addAttribute("enrolling", pending.enrolmentSecret() != null);
    if (pending.enrolmentSecret() != null) {
      QrData app = new QrData.Builder().label(pending.userId()).issuer(webapps.displayName())
          .secret(pending.enrolmentSecret()).digits(6).period(30).build();
      ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
      model.addAttribute("qrCode", Utils.getDataUriForImage(qr.generate(app), qr.getImageMimeType()));
      model.addAttribute("secret", pending.enrolmentSecret());
    }
    return "second-factor";
  }

  /** Both factors given: signed in, in a new session id. */
  private static void signIn(PendingSignIn pending, HttpServletRequest request, HttpServletResponse response) {
    request.getSession().removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(pending.userId(), null,
        pending.authorities()));
    SecurityContextHolder.setContext(context);
    new HttpSessionSecurityContextRepository().saveContext(context, request, response);
  }

  private static PendingSignIn pending(HttpSession session) {
    return session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE) instanceof PendingSignIn pending ? pending : null;
  }
}
