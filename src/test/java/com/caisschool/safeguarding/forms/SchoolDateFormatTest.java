package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Dates follow the school's format in every form (README "Languages"): every date or time a form
 * asks for is a date-time field, so Tasklist's one setting (safeguarding-forms.js, the school's
 * safeguarding.school-date-format) applies to all of them; whatever is shown, a form sends ISO dates,
 * which the form contract accepts, and it refuses the US order a browser used to show.
 */
class SchoolDateFormatTest {

  private static final ZoneId SCHOOL = ZoneId.of("Asia/Shanghai");

  @Test
  void everyDateOfEveryFormIsADateFieldThatTheContractAcceptsAsTheFormSendsIt() throws IOException {
    List<FormField> dates = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(form)) {
          for (FormField field : FormDefinitions.parse(in)) {
            if (field.key() != null && field.key().matches(".*(Date|On|At|From)$")) {
              assertThat(field.type()).as("%s in %s: a date field", field.key(), form).isEqualTo("datetime");
            }
            if ("datetime".equals(field.type())) {
              dates.add(field);
            }
          }
        }
      }
    }
    assertThat(dates).hasSizeGreaterThan(30);

    for (FormField field : dates) {
      String sent = "date".equals(field.subtype()) ? "2026-11-23" : "2026-11-23T09:30+08:00";
      FieldValues.check(field, sent, Map.of(), SCHOOL);
      assertThatThrownBy(() -> FieldValues.check(field, "11/23/2026", Map.of(), SCHOOL))
          .isInstanceOf(BadUserRequestException.class);
    }
  }

  @Test
  void theSchoolsDateFormatIsOneTheFormsCanUse() throws IOException {
    String format = schoolDateFormat();

    assertThat(format).isEqualTo("yyyy-MM-dd");
    // safeguarding-forms.js turns yyyy, MM and dd into the date picker's tokens: each once, with separators.
    assertThat(format.split("[-./ ]")).containsExactlyInAnyOrder("yyyy", "MM", "dd");
  }

  @SuppressWarnings("unchecked")
  private static String schoolDateFormat() throws IOException {
    try (Reader yaml = Files.newBufferedReader(Path.of("src/main/resources/application.yaml"))) {
      Map<String, Object> root = new Yaml().load(yaml);
      return (String) ((Map<String, Object>) root.get("safeguarding")).get("school-date-format");
    }
  }
}
