package com.caisschool.safeguarding.language;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Translation catalogues on the class path: one JSON file per staff language, English text →
 * translation. A language without a file has none (English has none: its texts are the English ones).
 */
public final class Catalogues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Catalogues() {
  }

  /**
   * The form catalogue of a language: the forms' English words → translation, read by
   * forms/FormTranslations for the forms and by {@link CardValues} for the task cards.
   */
  public static String formCatalogue(StaffLanguage language) {
    return "forms/i18n/" + language.tag() + ".json";
  }

  /** Each language's catalogue, read from the resource {@code fileOf} names (an unreadable file stops the start). */
  public static Map<StaffLanguage, Map<String, String>> fromClassPath(Function<StaffLanguage, String> fileOf) {
    Map<StaffLanguage, Map<String, String>> catalogues = new EnumMap<>(StaffLanguage.class);
    for (StaffLanguage language : StaffLanguage.values()) {
      String file = fileOf.apply(language);
      InputStream catalogue = Catalogues.class.getClassLoader().getResourceAsStream(file);
      if (catalogue != null) {
        try (catalogue) {
          catalogues.put(language, Map.copyOf(JSON.readValue(catalogue, new TypeReference<Map<String, String>>() {})));
        } catch (IOException e) {
          throw new UncheckedIOException("The catalogue " + file + " cannot be read", e);
        }
      }
    }
    return catalogues;
  }
}
