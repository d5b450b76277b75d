package com.caisschool.safeguarding.language;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each user's language: a setting kept with the user in Camunda's identity store (user info
 * {@code language}), chosen by the user on the application's language page or given to demo
 * users by configuration; without one, {@code safeguarding.languages.default}.
 */
@Component
public class UserLanguages {

  /** The key of the user info entry (Camunda's ACT_ID_INFO) that holds the language tag. */
  public static final String USER_INFO_KEY = "language";

  private final IdentityService identityService;
  private final StaffLanguage defaultLanguage;

  public UserLanguages(IdentityService identityService,
      @Value("${safeguarding.languages.default:en}") String defaultLanguage) {
    this.identityService = identityService;
    this.defaultLanguage = StaffLanguage.of(defaultLanguage).orElseThrow(() -> new IllegalStateException(
        "safeguarding.languages.default must be one of en, zh-CN"));
  }

  /** The language the user chose, if they did. (User info needs no authorization to read.) */
  public Optional<StaffLanguage> chosenBy(String userId) {
    return userId == null ? Optional.empty()
        : StaffLanguage.of(identityService.getUserInfo(userId, USER_INFO_KEY));
  }

  /** The language to write to the user in: their choice, else the school's default. */
  public StaffLanguage of(String userId) {
    return chosenBy(userId).orElse(defaultLanguage);
  }

  /**
   * The language of a request: the signed-in user's choice, else the browser's first language
   * staff can work in, else the school's default (as the webapps' own labels are chosen).
   */
  public StaffLanguage forRequest(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
      Optional<StaffLanguage> chosen = chosenBy(user.getName());
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    for (Locale asked : Collections.list(request.getLocales())) {
      Optional<StaffLanguage> offered = StaffLanguage.of(asked);
      if (offered.isPresent()) {
        return offered.get();
      }
    }
    return defaultLanguage;
  }

  public StaffLanguage defaultLanguage() {
    return defaultLanguage;
  }

  public void choose(String userId, StaffLanguage language) {
    identityService.setUserInfo(userId, USER_INFO_KEY, language.tag());
  }
}
