package com.caisschool.safeguarding.forms;

import static com.caisschool.safeguarding.testing.FormRules.withoutLabels;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.language.Catalogues;
import com.caisschool.safeguarding.language.StaffLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form in every staff language (README "Languages"): each text a person reads in each form
 * of {@code forms/} has a translation in each catalogue, with the same template placeholders, and
 * the form in that language has exactly the English form's keys, types, rules (required, hide
 * conditions, validation) and options. So a member of staff who reads only Chinese can do every
 * task: a form whose English text changes fails here until it is translated.
 */
class FormTranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final FormTranslations TRANSLATIONS = FormTranslations.fromClassPath();

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(file -> file.toString().endsWith(".form")).sorted();
  }

  static List<StaffLanguage> otherLanguages() {
    return Stream.of(StaffLanguage.values()).filter(language -> language != StaffLanguage.ENGLISH).toList();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyTextOfTheFormHasATranslationWithTheSamePlaceholders(Path form) throws IOException {
    for (StaffLanguage language : otherLanguages()) {
      Map<String, String> catalogue = TRANSLATIONS.catalogue(language);
      List<String> problems = new ArrayList<>();
      for (String text : texts(JSON.readTree(form.toFile()).path("components"), new ArrayList<>())) {
        String translated = catalogue.get(text);
        if (translated == null || translated.isBlank()) {
          problems.add("not translated: " + text);
        } else if (!placeholders(text).equals(placeholders(translated))) {
          problems.add("placeholders differ: " + text);
        } else if (language == StaffLanguage.CHINESE && hasWords(text) && !CHINESE.matcher(translated).find()) {
          problems.add("not Chinese: " + translated);
        }
      }
      assertThat(problems).as("%s in %s (catalogue %s)", form, language.tag(),
          Catalogues.formCatalogue(language)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void theFormInEveryLanguageHasTheSameKeysRulesAndOptions(Path form) throws IOException {
    JsonNode english = JSON.readTree(form.toFile());
    for (StaffLanguage language : otherLanguages()) {
      JsonNode translated = TRANSLATIONS.translate(english, language);

      assertThat(withoutLabels(parse(translated))).as("%s in %s", form, language.tag())
          .isEqualTo(withoutLabels(parse(english)));
      assertThat(translated.path("id")).isEqualTo(english.path("id"));
      assertThat(translated.path("schemaVersion")).isEqualTo(english.path("schemaVersion"));
      assertThat(translated).as("the texts are translated").isNotEqualTo(english);
    }
  }

  @Test
  void aTextTheCatalogueLacksStaysEnglishAndTheEnglishFormIsUntouched() throws IOException {
    JsonNode english = JSON.readTree("{\"components\": [{\"type\": \"textfield\", \"key\": \"a\","
        + " \"label\": \"Child's name\", \"description\": \"A text no catalogue has\"}]}");

    JsonNode chinese = TRANSLATIONS.translate(english, StaffLanguage.CHINESE);

    assertThat(chinese.path("components").get(0).path("label").asText()).isEqualTo("孩子的姓名");
    assertThat(chinese.path("components").get(0).path("description").asText()).isEqualTo("A text no catalogue has");
    assertThat(english.path("components").get(0).path("label").asText()).isEqualTo("Child's name");
  }

  private static List<String> texts(JsonNode components, List<String> into) {
    for (JsonNode component : components) {
      for (String property : FormTranslations.TEXTS) {
        if (component.path(property).isTextual() && !component.path(property).asText().isBlank()) {
          into.add(component.path(property).asText());
        }
      }
      component.path("values").forEach(option -> into.add(option.path("label").asText()));
      texts(component.path("components"), into);
    }
    return into;
  }

  private static List<FormField> parse(JsonNode form) throws IOException {
    return FormDefinitions.parse(new ByteArrayInputStream(JSON.writeValueAsBytes(form)));
  }


  /** Whether a text has words of its own (a heading of just {@code ### {{dutyReference}}} has none to translate). */
  private static boolean hasWords(String text) {
    return PLACEHOLDER.matcher(text).replaceAll("").chars().anyMatch(Character::isLetter);
  }

  private static List<String> placeholders(String text) {
    List<String> all = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      all.add(matcher.group());
    }
    all.sort(String::compareTo);
    return all;
  }
}
