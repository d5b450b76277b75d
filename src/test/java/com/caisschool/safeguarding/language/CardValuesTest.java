package com.caisschool.safeguarding.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.forms.FormTranslations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The values on the card readers' task cards in the reader's language (README "Languages"): as the
 * form catalogue translates the report form's words, the whole value or each of its parts, and
 * nothing else: not a value with a part the catalogue lacks, not another variable.
 */
class CardValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CardValues VALUES = CardValues.fromClassPath(List.of("cardCategories", "cardDanger", "childGrade"));

  @Test
  void theCatalogueIsTheFormCatalogue() {
    FormTranslations forms = FormTranslations.fromClassPath();
    for (StaffLanguage language : StaffLanguage.values()) {
      forms.catalogue(language).forEach((english, translated) ->
          assertThat(VALUES.translate(english, language)).as(english).isEqualTo(translated));
    }
  }

  @Test
  void aValueOrEachOfItsPartsIsTranslatedAsTheFormTranslatesIt() {
    assertThat(VALUES.translate("Neglect", StaffLanguage.CHINESE)).isEqualTo("忽视");
    assertThat(VALUES.translate("Neglect, Bullying", StaffLanguage.CHINESE)).isEqualTo("忽视、欺凌");
    assertThat(VALUES.translate("No", StaffLanguage.CHINESE)).isEqualTo("否");
    assertThat(VALUES.translate("Neglect, Bullying", StaffLanguage.ENGLISH)).isEqualTo("Neglect, Bullying");
  }

  @Test
  void aValueWithAPartTheCatalogueLacksIsShownAsItIs() {
    assertThat(VALUES.translate("Grade 3", StaffLanguage.CHINESE)).isEqualTo("Grade 3");
    assertThat(VALUES.translate("Neglect, Grade 3", StaffLanguage.CHINESE)).isEqualTo("Neglect, Grade 3");
    assertThat(VALUES.translate("", StaffLanguage.CHINESE)).isEmpty();
    assertThat(VALUES.translate(null, StaffLanguage.CHINESE)).isNull();
  }

  @Test
  void onlyTheTextValuesOfCardVariablesChangeInAnAnswer() throws IOException {
    JsonNode answer = JSON.readTree("""
        {"_embedded": {"task": [{"id": "t1", "name": "Triage the concern", "_embedded": {"variable": [
          {"name": "cardCategories", "type": "String", "value": "Neglect, Bullying"},
          {"name": "cardDanger", "type": "String", "value": "No"},
          {"name": "childGrade", "type": "String", "value": "Grade 3"},
          {"name": "outcomeSummary", "type": "String", "value": "Neglect"},
          {"name": "cardDanger", "type": "Object", "value": "No"}]}}]}}
        """);

    VALUES.translateAnswer(answer, StaffLanguage.CHINESE);

    JsonNode variables = answer.at("/_embedded/task/0/_embedded/variable");
    assertThat(variables.findValuesAsText("value")).containsExactly("忽视、欺凌", "否", "Grade 3", "Neglect", "No");
    assertThat(answer.at("/_embedded/task/0/name").asText()).isEqualTo("Triage the concern");
  }

  @Test
  void theEnglishAnswerIsUnchanged() throws IOException {
    String english = "[{\"name\": \"cardCategories\", \"type\": \"String\", \"value\": \"Neglect, Bullying\"}]";
    JsonNode answer = JSON.readTree(english);

    VALUES.translateAnswer(answer, StaffLanguage.ENGLISH);

    assertThat(answer).isEqualTo(JSON.readTree(english));
  }
}
