package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.language.StaffLanguage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The form library's own words (safeguarding-forms.js) exist in every other staff language, and
 * each is a text Camunda's form library really shows: after an upgrade that rewords a message,
 * this names the entry that no longer matches.
 */
class FormLibraryWordsTest {

  private static final String FORM_LIBRARY = "META-INF/resources/webjars/camunda/lib/deps.js";

  @Test
  void everyWordIsTranslatedAndIsOneTheFormLibraryShows() throws IOException {
    String library;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(FORM_LIBRARY)) {
      library = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (StaffLanguage language : StaffLanguage.values()) {
      if (language == StaffLanguage.ENGLISH) {
        continue;
      }
      Map<String, String> words = words(language);
      assertThat(words).as(language.tag()).containsKeys("Field is required.", "Field must have minimum length of {0}.",
          "Select", "Search");
      words.forEach((english, translated) -> {
        assertThat(translated).as(english).isNotBlank().isNotEqualTo(english);
        assertThat(english.contains("{0}")).as("placeholder kept: " + english).isEqualTo(translated.contains("{0}"));
        assertThat(Arrays.stream(english.split("\\{0}")).filter(part -> !part.isEmpty()))
            .as("shown by the form library: " + english).allMatch(library::contains);
      });
    }
  }

  private Map<String, String> words(StaffLanguage language) throws IOException {
    String catalogue = WebappCustomization.FORM_LIBRARY_WORDS.formatted(language.tag());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(catalogue)) {
      assertThat(in).as(catalogue).isNotNull();
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {});
    }
  }
}
