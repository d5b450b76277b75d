package com.caisschool.safeguarding.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.forms.FormTranslations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Chinese texts use the glossary's terms (docs/glossary.md): wherever an English text
 * contains an English term of the glossary, its Chinese text contains that term's Chinese. The
 * safeguarding terms are checked in the public page and the application's pages (messages), every
 * form (the form catalogue), the names in Tasklist (processes/i18n), the alert emails
 * (safeguarding.notifications) and the roles' names (safeguarding.roles, and the {@code role.<group>}
 * messages); the webapp terms in
 * the Chinese labels of Tasklist, Cockpit, Admin and the welcome page.
 */
class GlossaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

  @Test
  void theGlossaryHasBothTablesAndOneChineseTermPerEnglishTerm() throws IOException {
    Map<String, String> safeguarding = glossary("## Safeguarding terms");
    Map<String, String> webapps = glossary("## Webapp terms");

    assertThat(safeguarding).containsEntry("Child Protection Officer", "儿童保护负责人")
        .containsEntry("concern", "担忧").containsEntry("identity-based harm", "基于身份的伤害").hasSizeGreaterThan(20);
    assertThat(webapps).containsEntry("Tasklist", "任务列表").containsEntry("incident", "故障");
  }

  @Test
  void theChineseFormsPagesAndEmailsUseTheSafeguardingTerms() throws IOException {
    Map<String, String> pairs = new LinkedHashMap<>();
    FormTranslations.fromClassPath().catalogue(StaffLanguage.CHINESE).forEach((en, zh) -> pairs.put("form: " + en, zh));
    WebappNames.fromClassPath(Map.of()).catalogue(StaffLanguage.CHINESE).forEach((en, zh) -> pairs.put("name: " + en, zh));
    messages().forEach(pairs::put);
    emails().forEach(pairs::put);
    roles().forEach(pairs::put);

    assertThat(misused(glossary("## Safeguarding terms"), pairs)).isEmpty();
  }

  @Test
  void theChineseWebappLabelsUseTheWebappTerms() throws IOException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      Map<String, String> en = labels("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
      Map<String, String> zh = labels("webapps/locales/" + app + "/zh.json");
      en.forEach((key, text) -> pairs.put(app + " " + key + ": " + text, zh.get(key)));
    }

    assertThat(misused(glossary("## Webapp terms"), pairs)).isEmpty();
  }

  @Test
  void aChineseTextWithoutTheGlossaryTermIsFound() {
    Map<String, String> terms = Map.of("concern", "担忧");

    assertThat(misused(terms, Map.of("a", "Report a concern", "b", "Your concerns"), Map.of("a", "报告担忧", "b", "你的顾虑")))
        .containsExactly("b: 'concern' → 担忧 missing in: 你的顾虑");
    // A longer term wins where it holds a shorter one.
    Map<String, String> officers = Map.of("Child Protection Officer", "儿童保护负责人",
        "Deputy Child Protection Officer", "儿童保护副负责人");
    assertThat(misused(officers, Map.of("a", "Deputy Child Protection Officer", "b", "Deputy Child Protection Officer"),
        Map.of("a", "儿童保护副负责人", "b", "副主任"))).containsExactly(
            "b: 'Deputy Child Protection Officer' → 儿童保护副负责人 missing in: 副主任");
  }

  private static List<String> misused(Map<String, String> terms, Map<String, String> pairs) {
    Map<String, String> english = new LinkedHashMap<>();
    pairs.keySet().forEach(key -> english.put(key, key.substring(key.indexOf(": ") + 2)));
    return misused(terms, english, pairs);
  }

  /** Each text (by key) whose English has a term while its Chinese lacks the term's Chinese. */
  private static List<String> misused(Map<String, String> terms, Map<String, String> english, Map<String, String> chinese) {
    List<String> misused = new ArrayList<>();
    // The longer term first, and its words then count as that term only ("Deputy Child Protection
    // Officer" is not also checked as "Child Protection Officer").
    List<String> longestFirst = terms.keySet().stream().sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
    english.forEach((key, text) -> {
      String translated = chinese.get(key);
      String words = PLACEHOLDER.matcher(text).replaceAll(" ");
      for (String term : longestFirst) {
        var found = matcher(term).matcher(words);
        if (translated != null && found.find() && !translated.contains(terms.get(term))) {
          misused.add(key + ": '" + term + "' → " + terms.get(term) + " missing in: " + translated);
        }
        words = found.replaceAll(" ");
      }
    });
    return misused;
  }

  /**
   * The text without the longer terms that contain {@code term}: "Deputy Child Protection Officer"
   * has its own Chinese term, which need not contain that of "Child Protection Officer".
   */
  /**
   * The term as a whole word (or words), also in the plural; in any case, except a one-word name
   * the glossary writes with a capital (Tasklist, not the id "tasklist" an administrator types).
   */
  private static Pattern matcher(String term) {
    boolean asWritten = Character.isUpperCase(term.charAt(0)) && !term.contains(" ");
    return Pattern.compile("(?<![\\w-])" + Pattern.quote(term) + "(s|es)?(?![\\w-])",
        asWritten ? 0 : Pattern.CASE_INSENSITIVE);
  }

  /** English term → Chinese term, from the table under {@code heading} in docs/glossary.md. */
  private static Map<String, String> glossary(String heading) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/glossary.md"), StandardCharsets.UTF_8);
    Map<String, String> terms = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals(heading);
      } else if (inSection && line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| English")) {
        String[] cells = line.split("\\|");
        String previous = terms.put(cells[1].trim(), cells[2].trim());
        assertThat(previous).as("one Chinese term for %s", cells[1].trim()).isNull();
      }
    }
    return terms;
  }

  /** The messages of the public page and the application's pages, English by Chinese, by key. */
  private static Map<String, String> messages() throws IOException {
    Properties en = properties("messages.properties");
    Properties zh = properties("messages_zh_CN.properties");
    assertThat(zh.stringPropertyNames()).as("the Chinese messages have every key").containsAll(en.stringPropertyNames());
    Map<String, String> pairs = new LinkedHashMap<>();
    en.stringPropertyNames().stream().sorted().forEach(key -> pairs.put("message " + key + ": " + en.getProperty(key),
        zh.getProperty(key)));
    return pairs;
  }

  /** A setting under {@code safeguarding} in application.yaml. */
  @SuppressWarnings("unchecked")
  private static Object setting(String name) throws IOException {
    try (Reader yaml = Files.newBufferedReader(Path.of("src/main/resources/application.yaml"))) {
      Map<String, Object> root = new Yaml().load(yaml);
      return ((Map<String, Object>) root.get("safeguarding")).get(name);
    }
  }

  /** Each role's name (safeguarding.roles) by its Chinese name (message role.<group>). */
  @SuppressWarnings("unchecked")
  private static Map<String, String> roles() throws IOException {
    Map<String, String> roles = (Map<String, String>) setting("roles");
    Properties zh = properties("messages_zh_CN.properties");
    Map<String, String> pairs = new LinkedHashMap<>();
    roles.forEach((group, name) -> pairs.put("role " + group + ": " + name, zh.getProperty("role." + group)));
    assertThat(pairs.values()).as("every role's name in Chinese").doesNotContainNull();
    return pairs;
  }

  /** The title and text of each alert email kind, English by Chinese. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> emails() throws IOException {
    Map<String, Object> notifications = (Map<String, Object>) setting("notifications");
    Map<String, Map<String, String>> kinds = (Map<String, Map<String, String>>) notifications.get("kinds");
    Map<String, Map<String, String>> chinese = ((Map<String, Map<String, Map<String, String>>>)
        notifications.get("kinds-in-languages")).get("zh-CN");
    assertThat(chinese.keySet()).as("every kind of email in Chinese").containsAll(kinds.keySet());
    Map<String, String> pairs = new LinkedHashMap<>();
    kinds.forEach((kind, text) -> text.forEach((part, words) ->
        pairs.put("email " + kind + " " + part + ": " + words, chinese.get(kind).get(part))));
    return pairs;
  }

  private static Properties properties(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = GlossaryTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static Map<String, String> labels(String resource) throws IOException {
    try (InputStream in = GlossaryTest.class.getClassLoader().getResourceAsStream(resource)) {
      JsonNode labels = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""))
          .path("labels");
      Map<String, String> flat = new LinkedHashMap<>();
      labels.fields().forEachRemaining(field -> flat.put(field.getKey(), field.getValue().toString()));
      return flat;
    }
  }
}
