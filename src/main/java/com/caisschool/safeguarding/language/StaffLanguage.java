package com.caisschool.safeguarding.language;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages staff can work in: every page, form, email and webapp label exists in each
 * (README "Languages"). The tag is what a user's setting stores; the webapp locale is the file
 * name Camunda's webapps load ({@code locales/<webappLocale>.json}: they match only the language
 * part of the browser's language).
 */
public enum StaffLanguage {

  ENGLISH("en", Locale.ENGLISH, "en", "English", ", "),
  CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE, "zh", "中文（简体）", "、");

  private final String tag;
  private final Locale locale;
  private final String webappLocale;
  private final String ownName;
  private final String listSeparator;

  StaffLanguage(String tag, Locale locale, String webappLocale, String ownName, String listSeparator) {
    this.tag = tag;
    this.locale = locale;
    this.webappLocale = webappLocale;
    this.ownName = ownName;
    this.listSeparator = listSeparator;
  }

  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  public String webappLocale() {
    return webappLocale;
  }

  /** What separates the items of a list written in one line (Chinese has its enumeration comma). */
  public String listSeparator() {
    return listSeparator;
  }

  /** The language's name in itself, as a chooser shows it. */
  public String ownName() {
    return ownName;
  }

  /** The language a tag such as {@code zh}, {@code zh-CN}, {@code zh_CN} or {@code en-GB} names, if offered. */
  public static Optional<StaffLanguage> of(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 16) {
      return Optional.empty();
    }
    return of(Locale.forLanguageTag(tag.trim().replace('_', '-')));
  }

  public static Optional<StaffLanguage> of(Locale locale) {
    for (StaffLanguage language : values()) {
      if (language.locale.getLanguage().equals(locale.getLanguage())) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
