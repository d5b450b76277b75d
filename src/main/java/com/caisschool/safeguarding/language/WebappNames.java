package com.caisschool.safeguarding.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The names Tasklist and Cockpit list, in each staff language: a process's and a task's name
 * (from the models), a Tasklist filter's name, description and card labels (from
 * {@code safeguarding.worklists}) and a group's name (from {@code safeguarding.roles}). The
 * English names stay where they are kept; the catalogue beside the models,
 * {@code processes/i18n/<tag>.json}, gives each English name its translation (terms from
 * docs/glossary.md). A group is always shown by its role's name, never by its id.
 *
 * <p>The engine keeps one name per element for everybody, so the names are translated in the
 * webapps' answers only (and translated back in what the webapps send), never in the engine.
 */
public class WebappNames {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<StaffLanguage, Map<String, String>> catalogues = new EnumMap<>(StaffLanguage.class);
  private final Map<StaffLanguage, Map<String, String>> backToEnglish = new EnumMap<>(StaffLanguage.class);
  private final Map<String, String> groupNames;

  public WebappNames(Map<StaffLanguage, Map<String, String>> catalogues, Map<String, String> groupNames) {
    this.groupNames = Map.copyOf(groupNames);
    catalogues.forEach((language, catalogue) -> {
      this.catalogues.put(language, Map.copyOf(catalogue));
      Map<String, String> reverse = new HashMap<>();
      catalogue.forEach((english, translated) -> reverse.put(translated, english));
      backToEnglish.put(language, reverse);
    });
  }

  /** The catalogues on the class path, as deployed with the application. */
  public static WebappNames fromClassPath(Map<String, String> groupNames) {
    return new WebappNames(Catalogues.fromClassPath(WebappNames::catalogueName), groupNames);
  }

  public static String catalogueName(StaffLanguage language) {
    return "processes/i18n/" + language.tag() + ".json";
  }

  /** English name → translation; empty for English. */
  public Map<String, String> catalogue(StaffLanguage language) {
    return catalogues.getOrDefault(language, Map.of());
  }

  /** The name in {@code language}; an English name the catalogue lacks stays English. */
  public String name(String english, StaffLanguage language) {
    return english == null ? null : catalogue(language).getOrDefault(english, english);
  }

  /** A group's readable name in {@code language}: its role's name, or the id of a group that is no role. */
  public String groupName(String groupId, StaffLanguage language) {
    return name(groupNames.getOrDefault(groupId, groupId), language);
  }

  /**
   * A webapp API answer as {@code language}'s reader sees it: the names of the process
   * definitions, tasks and filters in it translated, and each candidate group of a task (HAL)
   * embedded with its readable name. Nothing else changes.
   */
  public void translateAnswer(JsonNode answer, StaffLanguage language) {
    if (answer instanceof ArrayNode array) {
      array.forEach(item -> translateAnswer(item, language));
    } else if (answer instanceof ObjectNode object) {
      if (isProcessDefinition(object) || isTask(object)) {
        replace(object, "name", english -> name(english, language));
      } else if (isFilter(object)) {
        translateFilter(object, english -> name(english, language));
      } else if (isCandidateGroupLink(object)) {
        embedGroup(object, language);
      }
      object.forEach(child -> translateAnswer(child, language));
    }
  }

  /**
   * What a webapp sends back (a task or a filter it updates) with its translated names turned
   * back into the English ones the engine keeps, so a reader of another language never renames
   * anything for everybody.
   */
  public void untranslateUpdate(JsonNode update, StaffLanguage language) {
    Map<String, String> reverse = backToEnglish.getOrDefault(language, Map.of());
    if (update instanceof ObjectNode object && !reverse.isEmpty()) {
      if (isFilter(object)) {
        translateFilter(object, shown -> reverse.getOrDefault(shown, shown));
      } else {
        replace(object, "name", shown -> reverse.getOrDefault(shown, shown));
      }
    }
  }

  private void embedGroup(ObjectNode link, StaffLanguage language) {
    if (!link.has("_embedded") && !link.has("_links")) {
      return;
    }
    String groupId = link.get("groupId").asText();
    ObjectNode embedded = link.has("_embedded") && link.get("_embedded").isObject()
        ? (ObjectNode) link.get("_embedded") : link.putObject("_embedded");
    ObjectNode group = JSON.createObjectNode().put("id", groupId).put("name", groupName(groupId, language));
    JsonNode known = embedded.path("group").path(0);
    if (known.isObject()) {
      group = ((ObjectNode) known).put("name", groupName(groupId, language));
    }
    embedded.putArray("group").add(group);
  }

  private static void translateFilter(ObjectNode filter, java.util.function.UnaryOperator<String> translation) {
    replace(filter, "name", translation);
    if (filter.get("properties") instanceof ObjectNode properties) {
      replace(properties, "description", translation);
      for (JsonNode variable : properties.path("variables")) {
        if (variable instanceof ObjectNode shown) {
          replace(shown, "label", translation);
        }
      }
    }
  }

  private static void replace(ObjectNode node, String property, java.util.function.UnaryOperator<String> translation) {
    JsonNode value = node.get(property);
    if (value != null && value.isTextual()) {
      node.put(property, translation.apply(value.asText()));
    }
  }

  private static boolean isProcessDefinition(ObjectNode node) {
    return node.has("key") && node.has("version") && node.has("name");
  }

  private static boolean isTask(ObjectNode node) {
    return node.has("taskDefinitionKey") && node.has("name");
  }

  private static boolean isFilter(ObjectNode node) {
    return node.has("resourceType") && node.has("name");
  }

  private static boolean isCandidateGroupLink(ObjectNode node) {
    return "candidate".equals(node.path("type").asText()) && node.path("groupId").isTextual();
  }
}
