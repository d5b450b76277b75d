package com.caisschool.safeguarding.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A teacher's report in two minutes (issue 23), as the start form states it: whether the child is
 * in danger now is the first question; at most eight answers are required before "Start", counting
 * every required field the form has, shown or hidden by a condition (the worst case); the reporter
 * types only a channel sets (safeguarding.reporter-types.channel-only) are not offered.
 */
@SuppressWarnings("unchecked")
class TeacherReportFormTest {

  static final Path FORM = Path.of("forms/report-safeguarding-concern.form");

  @Test
  void theDangerQuestionComesFirst() throws IOException {
    assertThat(fields().get(0).key()).isEqualTo("immediateDanger");
  }

  @Test
  void atMostEightRequiredAnswersIncludingConditionalOnes() throws IOException {
    List<FormField> required = fields().stream().filter(FormField::required).toList();
    assertThat(required).extracting(FormField::key).hasSizeLessThanOrEqualTo(8);
  }

  @Test
  void channelOnlyReporterTypesAreNotOffered() throws IOException {
    Map<String, Object> school;
    try (InputStream yaml = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
      school = (Map<String, Object>) ((Map<String, Object>) new Yaml().loadAll(yaml).iterator().next()).get("safeguarding");
    }
    Map<String, String> channels = (Map<String, String>) ((Map<String, Object>) school.get("reporter-types")).get("channel-only");
    assertThat(channels).isNotEmpty();
    FormField reporterType = fields().stream().filter(field -> field.key().equals("reporterType")).findFirst().orElseThrow();
    assertThat(reporterType.options()).isNotEmpty().doesNotContainAnyElementsOf(channels.keySet());
    assertThat(reporterType.optionLabels().values()).doesNotContainAnyElementsOf(channels.values());
  }

  private static List<FormField> fields() throws IOException {
    try (InputStream in = Files.newInputStream(FORM)) {
      return FormDefinitions.parse(in);
    }
  }
}
