package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese labels of Tasklist, Cockpit, Admin and the welcome page are complete: every key of
 * Camunda's English locale file (in the webapp jar this build runs) has a Chinese text, with the
 * same placeholders ({{name}}, %s) and the same HTML tags, and the dates have Chinese names. A
 * Camunda upgrade that adds a key fails here until the key is translated.
 */
class WebappLocalesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|%[sd]|\\{}");
  private static final Pattern TAG = Pattern.compile("</?(a|br|strong|em|b|i|code|span|p|ul|li|div)\\b");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAChineseTextWithTheSamePlaceholdersAndTags(String app) throws IOException {
    JsonNode english = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
    JsonNode chinese = read("webapps/locales/" + app + "/zh.json");
    Map<String, String> en = flat(english.path("labels"));
    Map<String, String> zh = flat(chinese.path("labels"));

    assertThat(zh.keySet()).as("keys of %s", app).containsExactlyInAnyOrderElementsOf(en.keySet());
    List<String> problems = new ArrayList<>();
    en.forEach((key, text) -> {
      String translated = zh.get(key);
      if (!text.isBlank() && translated.isBlank()) {
        problems.add(key + ": empty");
      } else if (!found(PLACEHOLDER, text, 0).equals(found(PLACEHOLDER, translated, 0))) {
        problems.add(key + ": placeholders " + found(PLACEHOLDER, text, 0) + " → " + found(PLACEHOLDER, translated, 0));
      } else if (!found(TAG, text, 1).equals(found(TAG, translated, 1))) {
        problems.add(key + ": tags " + found(TAG, text, 1) + " → " + found(TAG, translated, 1));
      } else if (CHINESE.matcher(text).find()) {
        problems.add(key + ": the English text has Chinese");
      }
    });
    assertThat(problems).as("labels of %s", app).isEmpty();
    assertThat(zh.values().stream().filter(text -> CHINESE.matcher(text).find()).count())
        .as("most labels are Chinese").isGreaterThan(en.size() * 8L / 10);
    if (english.has("dateLocales")) {
      assertThat(flat(chinese.path("dateLocales")).keySet()).containsExactlyInAnyOrderElementsOf(
          flat(english.path("dateLocales")).keySet());
      assertThat(chinese.path("dateLocales").path("months").get(0).asText()).isEqualTo("一月");
    }
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      // Camunda's files start with a byte order mark.
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""));
    }
  }

  private static Map<String, String> flat(JsonNode node) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten(node, "", flat);
    return flat;
  }

  private static void flatten(JsonNode node, String path, Map<String, String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> flatten(field.getValue(), path + "." + field.getKey(), into));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), path + "[" + i + "]", into);
      }
    } else {
      into.put(path, node.asText());
    }
  }

  private static List<String> found(Pattern pattern, String text, int group) {
    List<String> all = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      all.add(matcher.group(group) == null ? matcher.group() : matcher.group(group).replace(" ", ""));
    }
    all.sort(String::compareTo);
    return all;
  }
}
