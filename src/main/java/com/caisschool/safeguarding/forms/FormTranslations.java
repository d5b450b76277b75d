package com.caisschool.safeguarding.forms;

import com.caisschool.safeguarding.language.Catalogues;
import com.caisschool.safeguarding.language.StaffLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every form in every staff language. Camunda Forms have no translations of their own, so the
 * English form (the one deployed, whose keys, rules and options the form contract checks) is
 * shown in another language by replacing its texts with those of the language's catalogue
 * {@code forms/i18n/<tag>.json} (English text → translation, terms from docs/glossary.md): the
 * label, help text, text blocks, date and time labels and option labels. Keys, values, rules and
 * hide conditions are never touched, so every language version has exactly the English one's.
 * A text the catalogue lacks stays English (FormTranslationsTest finds none).
 */
public class FormTranslations {

  /** The properties of a component that a person reads. */
  static final List<String> TEXTS = List.of("label", "description", "text", "dateLabel", "timeLabel");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<StaffLanguage, Map<String, String>> catalogues = new EnumMap<>(StaffLanguage.class);

  /** The catalogues on the class path (forms/i18n/), as deployed with the application. */
  public static FormTranslations fromClassPath() {
    FormTranslations translations = new FormTranslations();
    translations.catalogues.putAll(Catalogues.fromClassPath(Catalogues::formCatalogue));
    return translations;
  }

  /** The catalogue of a language (English text → translation); empty for English. */
  public Map<String, String> catalogue(StaffLanguage language) {
    return catalogues.getOrDefault(language, Map.of());
  }

  /** The English form's JSON in {@code language}. */
  public JsonNode translate(JsonNode englishForm, StaffLanguage language) {
    JsonNode form = englishForm.deepCopy();
    Map<String, String> catalogue = catalogue(language);
    if (!catalogue.isEmpty()) {
      translateComponents(form.path("components"), catalogue);
    }
    return form;
  }

  /** The form read from {@code english}, as a stream in {@code language}. */
  public InputStream translate(InputStream english, StaffLanguage language) {
    if (english == null || catalogue(language).isEmpty()) {
      return english;
    }
    try (english) {
      return new ByteArrayInputStream(JSON.writeValueAsBytes(translate(JSON.readTree(english), language)));
    } catch (IOException e) {
      throw new UncheckedIOException("A form cannot be read", e);
    }
  }

  private static void translateComponents(JsonNode components, Map<String, String> catalogue) {
    for (JsonNode component : components) {
      if (!(component instanceof ObjectNode node)) {
        continue;
      }
      for (String text : TEXTS) {
        replace(node, text, catalogue);
      }
      for (JsonNode option : node.path("values")) {
        if (option instanceof ObjectNode choice) {
          replace(choice, "label", catalogue);
        }
      }
      translateComponents(node.path("components"), catalogue);
    }
  }

  private static void replace(ObjectNode node, String property, Map<String, String> catalogue) {
    JsonNode value = node.get(property);
    if (value != null && value.isTextual() && catalogue.containsKey(value.asText())) {
      node.put(property, catalogue.get(value.asText()));
    }
  }
}
