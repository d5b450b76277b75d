package com.caisschool.safeguarding.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.language.CardValues;
import com.caisschool.safeguarding.language.StaffLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every value a task card can show the CPO and the deputy (TaskCard: the categories of a report
 * form, one or all of them, and its danger flag, yes or no) reads in every staff language.
 */
class TaskCardLanguagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CardValues VALUES = CardValues.fromClassPath(List.of(TaskCard.CATEGORIES, TaskCard.DANGER));

  @Test
  void everyCategoryAndDangerFlagACardCanShowIsTranslated() throws IOException {
    List<String> categories = new ArrayList<>();
    List<String> dangerFlags = new ArrayList<>(List.of(TaskCard.NOT_IN_DANGER));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(file -> file.toString().endsWith(".form")).toList()) {
        for (JsonNode field : JSON.readTree(form.toFile()).findParents("key")) {
          switch (field.path("key").asText()) {
            case "categories" -> field.path("values").forEach(option -> categories.add(option.path("label").asText()));
            case "immediateDanger" -> dangerFlags.add(field.path("label").asText());
            default -> { }
          }
        }
      }
    }
    assertThat(categories).contains("Physical abuse", "Neglect");
    assertThat(dangerFlags).hasSizeGreaterThan(1);
    String allCategories = String.join(CardValues.ENGLISH_SEPARATOR, categories);

    for (StaffLanguage language : StaffLanguage.values()) {
      if (language == StaffLanguage.ENGLISH) {
        continue;
      }
      for (String shown : Stream.concat(Stream.concat(categories.stream(), dangerFlags.stream()), Stream.of(allCategories)).toList()) {
        assertThat(VALUES.translate(shown, language)).as("%s in %s", shown, language.tag()).isNotEqualTo(shown);
      }
      assertThat(VALUES.translate(allCategories, language)).doesNotContain(CardValues.ENGLISH_SEPARATOR)
          .contains(language.listSeparator());
    }
  }
}
