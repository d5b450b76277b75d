package com.caisschool.safeguarding.reporting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page's language: the {@code lang} query parameter when it names a supported language (the
 * switch link, and the action of every form), else the first supported one the browser asks for,
 * else English. Chinese means Simplified Chinese. Nothing is stored: no cookie, no session. Only
 * the query string is read, never a posted body (a refused oversize post is not parsed).
 */
class ReportLocales implements LocaleResolver {

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Locale chosen = supported(queryParameter(request.getQueryString(), "lang"));
    if (chosen != null) {
      return chosen;
    }
    for (Locale asked : Collections.list(request.getLocales())) {
      if (asked.getLanguage().equals("zh")) {
        return CHINESE;
      }
      if (asked.getLanguage().equals("en")) {
        return Locale.ENGLISH;
      }
    }
    return Locale.ENGLISH;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The language is chosen per request (lang parameter)");
  }

  private static String queryParameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        try {
          return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return null;
        }
      }
    }
    return null;
  }

  private static Locale supported(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 16) {
      return null;
    }
    String language = Locale.forLanguageTag(tag.trim()).getLanguage();
    return language.equals("zh") ? CHINESE : language.equals("en") ? Locale.ENGLISH : null;
  }
}
