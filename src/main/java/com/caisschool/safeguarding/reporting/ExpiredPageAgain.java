package com.caisschool.safeguarding.reporting;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * A report posted from a page whose CSRF token is gone (the reporter took a long time to write,
 * or the browser dropped the cookie) is not taken, as the post cannot be told from a forged one;
 * but nothing typed is lost: the page comes back, in the reporter's language, with what they
 * wrote and a fresh token, and one more press of the button sends it (status 403).
 */
class ExpiredPageAgain implements AccessDeniedHandler {

  /** Request attribute: the page is shown again because its token expired. */
  static final String EXPIRED = ExpiredPageAgain.class.getName() + ".expired";
  /** Where each form of the public page is shown again. */
  static final String REPORT_AGAIN = "/report/again";
  static final String ADDITION_AGAIN = "/report/status/again";

  private final CsrfTokenRepository tokens;
  private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

  ExpiredPageAgain(CsrfTokenRepository tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    String again = "POST".equals(request.getMethod()) ? againPage(request.getRequestURI()) : null;
    if (!(denied instanceof CsrfException) || again == null) {
      otherwise.handle(request, response, denied);
      return;
    }
    CsrfToken fresh = tokens.generateToken(request);
    tokens.saveToken(fresh, request, response);
    new XorCsrfTokenRequestAttributeHandler().handle(request, response, () -> fresh);
    request.setAttribute(EXPIRED, true);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    request.getRequestDispatcher(again).forward(request, response);
  }

  private static String againPage(String path) {
    return switch (path) {
      case "/report", "/report/" -> REPORT_AGAIN;
      case "/report/status/add" -> ADDITION_AGAIN;
      default -> null;
    };
  }
}
