package com.caisschool.safeguarding.language;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in user's page requests carry the language the user chose, in place of the browser's:
 * the application's pages (messages), the error pages and the webapps' configuration all read the
 * request's locale. A user without a choice keeps the browser's language. The APIs and the
 * webapps' other files are skipped: they show no text of ours, and each request would otherwise
 * read the setting again (an error page they lead to is filtered on its own dispatch).
 */
class UserLanguageRequests extends OncePerRequestFilter {

  private final UserLanguages languages;

  UserLanguageRequests(UserLanguages languages) {
    this.languages = languages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/camunda/")) {
      // Of the webapps' files only the two that carry the language (WebappCustomization).
      return !path.endsWith("/scripts/config.js") && !path.endsWith("/scripts/safeguarding-webapps.js");
    }
    return path.startsWith("/engine-rest/") || path.startsWith("/actuator/");
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    var chosen = languages.chosenBy(user.getName());
    chain.doFilter(chosen.isPresent() ? new InLanguage(request, chosen.get().locale()) : request, response);
  }

  private static final class InLanguage extends HttpServletRequestWrapper {

    private final Locale locale;

    InLanguage(HttpServletRequest request, Locale locale) {
      super(request);
      this.locale = locale;
    }

    @Override
    public Locale getLocale() {
      return locale;
    }

    @Override
    public Enumeration<Locale> getLocales() {
      return Collections.enumeration(java.util.List.of(locale));
    }
  }
}
