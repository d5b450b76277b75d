package com.caisschool.safeguarding.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values on the CPO's and the deputy's Tasklist cards ({@code safeguarding.worklists.card-variables})
 * in the reader's language. The engine keeps one value per case for every reader, in the report
 * form's English words (caseprocess/TaskCard: the categories as the form labels them, joined by
 * {@value #ENGLISH_SEPARATOR}, and the danger flag), so they are translated as the form is, by the
 * form catalogue ({@code forms/i18n/<tag>.json}): the whole value, or else each of its parts. A
 * value with a part the catalogue lacks (a grade, a case reference) is shown as it is.
 */
public final class CardValues {

  /** How TaskCard joins several labels in one value. */
  public static final String ENGLISH_SEPARATOR = ", ";

  private final Set<String> cardVariables;
  private final Map<StaffLanguage, Map<String, String>> catalogues;

  CardValues(Collection<String> cardVariables, Map<StaffLanguage, Map<String, String>> catalogues) {
    this.cardVariables = Set.copyOf(cardVariables);
    this.catalogues = Map.copyOf(catalogues);
  }

  /** For the card variables named, with the form catalogues deployed with the application. */
  public static CardValues fromClassPath(Collection<String> cardVariables) {
    return new CardValues(cardVariables, Catalogues.fromClassPath(Catalogues::formCatalogue));
  }

  /** The value in {@code language}, or as it is where the catalogue lacks it or a part of it. */
  public String translate(String value, StaffLanguage language) {
    Map<String, String> catalogue = catalogues.getOrDefault(language, Map.of());
    if (catalogue.isEmpty() || value == null) {
      return value;
    }
    if (catalogue.containsKey(value)) {
      return catalogue.get(value);
    }
    String[] parts = value.split(ENGLISH_SEPARATOR, -1);
    if (parts.length < 2 || !Arrays.stream(parts).allMatch(catalogue::containsKey)) {
      return value;
    }
    return Arrays.stream(parts).map(catalogue::get).collect(Collectors.joining(language.listSeparator()));
  }

  /** A webapp API answer with every card variable's text value (a HAL variable) in {@code language}. */
  void translateAnswer(JsonNode answer, StaffLanguage language) {
    if (answer instanceof ArrayNode array) {
      array.forEach(item -> translateAnswer(item, language));
    } else if (answer instanceof ObjectNode object) {
      if (isCardVariable(object)) {
        object.put("value", translate(object.get("value").asText(), language));
      }
      object.forEach(child -> translateAnswer(child, language));
    }
  }

  private boolean isCardVariable(ObjectNode node) {
    return cardVariables.contains(node.path("name").asText()) && node.path("value").isTextual()
        && "String".equals(node.path("type").asText());
  }
}
