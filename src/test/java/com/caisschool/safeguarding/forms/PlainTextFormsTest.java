package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What people wrote is shown as plain text in every form (issue 18). Tasklist renders a {@code text}
 * component as Markdown and HTML, with the case's variables put into its template: a reporter's
 * {@code ![ ](/casefile/...)} there becomes an image the CPO's browser requests. So a text
 * component may print ({@code {{name}}}) only values nobody types: a choice, a date or a number a
 * form field constrains, or one of the values the application sets itself. Free text (anything a
 * text field or text area of any form, the public page or the email intake fills) is shown in a
 * disabled text field or text area, which shows it literally, is never sent back by Tasklist and
 * is no input of the form (the contract refuses it like any other variable).
 */
class PlainTextFormsTest {

  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Set by the application, never typed: references, a duty's date from the calendar, the triage decision's priority, configured limits. */
  private static final Set<String> SET_BY_THE_APPLICATION = Set.of("caseReference", "dutyReference", "reviewDate", "priority",
      "actionText", "criminalRecordPeriod", "riskAssessmentMaxLength", "monitoringRounds", "monitoringMaxRounds",
      "monitoringMaxDuration");
  /** Field types whose value is one of the form's options, a date, a number or yes/no (the contract checks it). */
  private static final Set<String> CONSTRAINED = Set.of("radio", "select", "checklist", "checkbox", "taglist",
      "datetime", "number");
  /** Components that render Markdown or HTML, or load what they name. */
  private static final Set<String> RENDERED = Set.of("text", "html", "image", "iframe");
  /** {{name}}, not {{#if name}} or {{/if}}: a condition only tests a value, it shows nothing of it. */
  private static final Pattern PRINTED = Pattern.compile("\\{\\{\\s*([^#/}\\s][^}]*?)\\s*\\}\\}");

  @Test
  void noFormRendersTypedTextAsMarkdown() throws IOException {
    Map<String, JsonNode> forms = forms();
    Map<String, Set<String>> typesOfKey = new HashMap<>();
    forms.values().forEach(form -> each(form.path("components"), component -> {
      if (component.hasNonNull("key")) {
        typesOfKey.computeIfAbsent(component.path("key").asText(), key -> new HashSet<>())
            .add(component.path("type").asText());
      }
    }));
    assertThat(typesOfKey.get("observations")).as("the reporter's account is typed").contains("textarea");

    List<String> rendered = new ArrayList<>();
    forms.forEach((name, form) -> each(form.path("components"), component -> {
      if (RENDERED.contains(component.path("type").asText())) {
        component.fields().forEachRemaining(property -> {
          if (property.getValue().isTextual()) {
            rendered.addAll(typedTextIn(name, property.getValue().asText(), typesOfKey));
          }
        });
      }
    }));
    assertThat(rendered).as("free text printed by a Markdown component (show it in a disabled text area)")
        .isEmpty();
  }

  @Test
  void whatTheReporterWroteIsShownInDisabledFieldsThatAreNoInputOfTheForm() throws IOException {
    JsonNode triage = forms().get("concern-triage.form");
    Map<String, JsonNode> shown = new HashMap<>();
    each(triage.path("components"), component -> shown.put(component.path("key").asText(), component));
    for (String typed : List.of("childName", "childGrade", "observations", "disclosure")) {
      assertThat(shown.get(typed)).as(typed).isNotNull();
      assertThat(shown.get(typed).path("disabled").asBoolean()).as(typed + " is disabled").isTrue();
    }
    try (var in = Files.newInputStream(FORMS.resolve("concern-triage.form"))) {
      assertThat(FormDefinitions.parse(in)).extracting(FormField::key).as("shown, not submitted")
          .doesNotContain("childName", "childGrade", "observations", "disclosure");
    }
  }

  /** The variables a rendered property prints that hold typed text (or that no form constrains). */
  private static List<String> typedTextIn(String form, String text, Map<String, Set<String>> typesOfKey) {
    List<String> found = new ArrayList<>();
    if (text.startsWith("=")) {
      found.add(form + ": a FEEL expression in a rendered component");
    }
    Matcher printed = PRINTED.matcher(text);
    while (printed.find()) {
      String name = printed.group(1);
      Set<String> types = typesOfKey.get(name);
      boolean constrained = types != null && CONSTRAINED.containsAll(types);
      if (!SET_BY_THE_APPLICATION.contains(name) && !constrained) {
        found.add(form + ": {{" + name + "}}");
      }
    }
    return found;
  }

  private static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
        forms.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      }
    }
    assertThat(forms).hasSizeGreaterThan(60);
    return forms;
  }

  private static void each(JsonNode components, Consumer<JsonNode> action) {
    for (JsonNode component : components) {
      action.accept(component);
      each(component.path("components"), action);
    }
  }
}
