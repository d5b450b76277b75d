package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The form contract over every form in {@code forms/}, table-driven: for each form a valid
 * submission is generated from the form itself and accepted; then, for each rule the form states,
 * a submission that breaks only that rule is refused with a message naming the field (and never
 * the value sent). Conditional fields are made visible by trying the answers (and the case facts)
 * their FEEL condition names, so a required field behind a condition is proven required when shown
 * and not required when hidden.
 */
class FormContractTest {

  private static final Path FORMS = Path.of("forms");
  private static final FormContract CONTRACT =
      new FormContract(new ScalaFeelEngineFactory().createInstance(), ZoneId.of("Asia/Shanghai"));
  /** A value no field offers; refused messages must not repeat it. */
  private static final String PROBE = "zz-probe-value";
  private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9]*)\\b");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]*)\"");
  private static final List<String> FEEL_WORDS = List.of("null", "not", "or", "and", "list", "contains",
      "true", "false");

  @TestFactory
  Stream<DynamicNode> everyFormAcceptsItsValidSubmissionAndRefusesEachBrokenRule() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(FORMS)) {
      files = listed.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(60);
    return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
        rulesOf(file.getFileName().toString().replace(".form", ""), read(file))));
  }

  private static Stream<DynamicNode> rulesOf(String formId, List<FormField> fields) {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("has input fields", () -> assertThat(fields).isNotEmpty()));
    List<Variant> variants = variants(fields);
    tests.add(DynamicTest.dynamicTest("every conditional field is shown by some answers", () -> assertThat(
        fields.stream().filter(FormField::conditional)
            .filter(field -> variants.stream().allMatch(variant -> hidden(field, variant))).map(FormField::key))
        .as("fields no generated submission shows, so their rules go untested").isEmpty()));
    for (Variant variant : variants) {
      Map<String, Object> valid = variant.submission();
      String shown = " (" + variant.name() + ")";
      tests.add(DynamicTest.dynamicTest("valid submission accepted" + shown, () -> assertThatCode(
          () -> CONTRACT.check(formId, fields, valid, variant.facts(), true)).doesNotThrowAnyException()));
      for (FormField field : fields) {
        boolean visible = valid.containsKey(field.key()) || !hidden(field, variant);
        if (!visible) {
          tests.add(refused(formId, fields, variant, "hidden field answered: " + field.key() + shown, field.key(),
              with(valid, field.key(), field.type().equals("checkbox") ? Boolean.TRUE : validValue(field))));
          continue;
        }
        if (field.required() && !field.readonly()) {
          tests.add(refused(formId, fields, variant, "required field missing: " + field.key() + shown,
              field.key(), without(valid, field.key())));
          Map<String, Object> earlierRound = new HashMap<>(variant.facts());
          earlierRound.putAll(valid);
          tests.add(DynamicTest.dynamicTest("previous round's answer does not count: " + field.key() + shown,
              () -> assertRefused(formId, fields, without(valid, field.key()), earlierRound, field.key())));
        }
        wrongValue(field).ifPresent(wrong -> tests.add(refused(formId, fields, variant,
            "wrong type or value: " + field.key() + shown, field.key(), with(valid, field.key(), wrong))));
        outOfRange(field).ifPresent(wrong -> tests.add(refused(formId, fields, variant,
            "outside the form's limits: " + field.key() + shown, field.key(), with(valid, field.key(), wrong))));
      }
      tests.add(refused(formId, fields, variant, "extra variable" + shown, "concernAboutOverride",
          with(valid, "concernAboutOverride", "student")));
    }
    return tests.stream();
  }

  private static DynamicTest refused(String formId, List<FormField> fields, Variant variant, String name,
      String named, Map<String, Object> submission) {
    return DynamicTest.dynamicTest(name, () -> assertRefused(formId, fields, submission, variant.facts(), named));
  }

  private static void assertRefused(String formId, List<FormField> fields, Map<String, Object> submission,
      Map<String, Object> facts, String named) {
    Throwable refused = catchThrowable(() -> CONTRACT.check(formId, fields, submission, facts, true));
    assertThat(refused).as("refused").isInstanceOf(BadUserRequestException.class);
    assertThat(refused.getMessage()).contains(named).doesNotContain(PROBE);
  }

  /**
   * The base submission (first option of every choice), plus one variant for each conditional field
   * that base leaves hidden: the first single change of an answer or a case fact that shows it.
   */
  private static List<Variant> variants(List<FormField> fields) {
    List<Variant> variants = new ArrayList<>();
    Variant base = submission("every choice's first option", fields, Map.of(), Map.of());
    variants.add(base);
    for (FormField conditional : fields.stream().filter(FormField::conditional).toList()) {
      if (!hidden(conditional, base)) {
        continue;
      }
      candidateChanges(fields, conditional).stream()
          .filter(change -> !hidden(conditional, change.apply(fields)))
          .findFirst().map(change -> change.apply(fields)).ifPresent(variants::add);
    }
    return variants;
  }

  private static List<Change> candidateChanges(List<FormField> fields, FormField conditional) {
    List<Change> changes = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    Matcher literal = STRING_LITERAL.matcher(conditional.hide());
    while (literal.find()) {
      literals.add(literal.group(1));
    }
    Matcher name = IDENTIFIER.matcher(conditional.hide().replaceAll("\"[^\"]*\"", ""));
    while (name.find()) {
      String key = name.group(1);
      if (FEEL_WORDS.contains(key)) {
        continue;
      }
      FormField answered = fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
      List<Object> values = new ArrayList<>();
      if (answered != null && answered.type().equals("checkbox")) {
        values.addAll(List.of(true, false));
      } else if (answered != null && answered.multipleChoice()) {
        answered.options().forEach(option -> values.add(List.of(option)));
      } else if (answered != null) {
        values.addAll(answered.options());
      } else {
        values.addAll(List.of(true, false));
        values.addAll(literals);
        literals.forEach(text -> values.add(List.of(text)));
      }
      for (Object value : values) {
        changes.add(answered != null ? new Change(key + " = " + value, Map.of(key, value), Map.of())
            : new Change("case fact " + key + " = " + value, Map.of(), Map.of(key, value)));
      }
    }
    return changes;
  }

  /** A valid submission with the given answers, leaving out what the form then hides. */
  private static Variant submission(String name, List<FormField> fields, Map<String, Object> answers,
      Map<String, Object> facts) {
    Map<String, Object> all = new LinkedHashMap<>();
    Map<String, Object> caseFacts = new HashMap<>(facts);
    for (FormField field : fields) {
      if (field.optionsVariable() != null) {
        caseFacts.put(field.optionsVariable(), List.of(Map.of("value", "agency-a", "label", "Agency A")));
      }
      if (field.readonly()) {
        caseFacts.put(field.key(), "As shown");
        continue;
      }
      all.put(field.key(), answers.getOrDefault(field.key(), validValue(field)));
    }
    Variant unfiltered = new Variant(name, all, caseFacts);
    Map<String, Object> shown = new LinkedHashMap<>();
    all.forEach((key, value) -> {
      FormField field = fields.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
      if (!hidden(field, unfiltered)) {
        shown.put(key, value);
      }
    });
    return new Variant(name, shown, caseFacts);
  }

  private static final HideConditions CONDITIONS = new HideConditions(new ScalaFeelEngineFactory().createInstance());

  private static boolean hidden(FormField field, Variant variant) {
    Map<String, Object> values = new HashMap<>(variant.facts());
    values.putAll(variant.submission());
    return CONDITIONS.hidden(field, values);
  }

  static Object validValue(FormField field) {
    return switch (field.type()) {
      case "number" -> field.limits().min() != null ? field.limits().min().longValue() : 1L;
      case "checkbox" -> field.required();
      case "select", "radio" -> field.optionsVariable() != null ? "agency-a" : field.options().get(0);
      case "checklist", "taglist" -> List.of(field.options().get(0));
      case "datetime" -> "date".equals(field.subtype()) ? "2026-11-23"
          : "time".equals(field.subtype()) ? "10:15" : "2026-11-23T10:15+08:00";
      default -> text(field);
    };
  }

  private static String text(FormField field) {
    assertThat(field.limits().pattern()).as("no generator for a pattern yet: " + field.key()).isNull();
    String text = "An answer";
    Integer min = field.limits().minLength();
    return min != null && text.length() < min ? text + "x".repeat(min - text.length()) : text;
  }

  private static java.util.Optional<Object> wrongValue(FormField field) {
    return java.util.Optional.ofNullable(switch (field.type()) {
      case "textfield", "textarea" -> 42;
      case "number" -> PROBE;
      case "checkbox" -> PROBE;
      case "select", "radio" -> PROBE;
      case "checklist", "taglist" -> List.of(PROBE);
      case "datetime" -> PROBE;
      default -> null;
    });
  }

  private static java.util.Optional<Object> outOfRange(FormField field) {
    FormField.Limits limits = field.limits();
    if (field.type().equals("number") && limits.min() != null) {
      return java.util.Optional.of(limits.min().longValue() - 1);
    }
    if (field.type().equals("number") && limits.max() != null) {
      return java.util.Optional.of(limits.max().longValue() + 1);
    }
    if (limits.maxLength() != null) {
      return java.util.Optional.of("x".repeat(limits.maxLength() + 1));
    }
    if (field.type().equals("datetime")) {
      return java.util.Optional.of("date".equals(field.subtype()) ? "+999999999-01-01" : "+999999999-01-01T10:15+08:00");
    }
    return java.util.Optional.empty();
  }

  @Test
  void aCheckboxLeftOutIsNoAndTypedTextIsText() {
    FormField box = FormField.simple("caseReviewWanted", "Review wanted", "checkbox", false, List.of());
    FormField summary = FormField.simple("outcomeSummary", "Outcome summary", "textarea", true, List.of());
    assertThat(CONTRACT.check("close-case", List.of(box, summary), Map.of("outcomeSummary", "Done"), Map.of(), true))
        .containsExactly(Map.entry("caseReviewWanted", false));
  }

  private static Map<String, Object> with(Map<String, Object> submission, String key, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(submission);
    changed.put(key, value);
    return changed;
  }

  private static Map<String, Object> without(Map<String, Object> submission, String key) {
    Map<String, Object> changed = new LinkedHashMap<>(submission);
    changed.remove(key);
    return changed;
  }

  private static List<FormField> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return FormDefinitions.parse(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A valid submission and the case facts the form shows besides. */
  private record Variant(String name, Map<String, Object> submission, Map<String, Object> facts) {}

  /** One changed answer or case fact. */
  private record Change(String name, Map<String, Object> answers, Map<String, Object> facts) {
    Variant apply(List<FormField> fields) {
      return submission(name, fields, answers, facts);
    }
  }
}
