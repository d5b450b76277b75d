package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The forms' hide conditions are evaluated with a FEEL engine that parses each expression once
 * (issue 25): it must answer exactly as Camunda's own engine, which parses at every evaluation, for
 * every hide condition of every form in {@code forms/} and for the values those conditions name.
 */
class ParsedOnceFeelEngineTest {

  private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NAME = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9]*)\\b");

  private final FeelEngine engines = new ScalaFeelEngineFactory().createInstance();
  private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());

  @Test
  void answersEveryHideConditionOfEveryFormAsTheEnginesOwnFeelDoes() throws IOException {
    Set<String> conditions = hideConditions();
    assertThat(conditions).hasSizeGreaterThan(10);
    int compared = 0;
    for (String condition : conditions) {
      String expression = condition.startsWith("=") ? condition.substring(1) : condition;
      for (Map<String, Object> values : valuesFor(condition)) {
        assertThat(answer(parsedOnce, expression, values)).as(expression + " with " + values)
            .isEqualTo(answer(engines, expression, values));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(conditions.size() * 3);
  }

  @Test
  void parsesEachExpressionOnceHoweverOftenItIsEvaluated() {
    String expression = "triageDecision != \"case-study-team\"";
    for (String decision : List.of("case-study-team", "close", "monitor", "case-study-team")) {
      assertThat((Boolean) parsedOnce.evaluateSimpleExpression(expression,
          Variables.createVariables().putValue("triageDecision", decision).asVariableContext()))
          .isEqualTo(!decision.equals("case-study-team"));
    }
    parsedOnce.evaluateSimpleExpression("1 + 1", Variables.createVariables().asVariableContext());
    assertThat(parsedOnce.parses()).isEqualTo(2);
  }

  @Test
  void refusesAnExpressionThatDoesNotParseEachTimeAsTheEngineDoes() {
    String broken = "a = = b";
    for (int time = 0; time < 2; time++) {
      assertThat(catchThrowable(() -> parsedOnce.evaluateSimpleExpression(broken, Variables.createVariables().asVariableContext())))
          .isInstanceOf(FeelException.class)
          .hasMessage(catchThrowable(() -> engines.evaluateSimpleExpression(broken, Variables.createVariables().asVariableContext()))
              .getMessage());
    }
    assertThat(parsedOnce.parses()).isEqualTo(1);
  }

  @Test
  void theFormsUseTheParsedOnceEngineWhenTheDecisionsUseCamundasScalaFeel() {
    DefaultDmnEngineConfiguration decisions = new DefaultDmnEngineConfiguration();
    decisions.buildEngine();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setDmnEngineConfiguration(decisions);
    assertThat(FeelEngines.of(configuration)).isInstanceOf(ParsedOnceFeelEngine.class);
  }

  /** The engine's answer, or the kind of refusal (a condition on a fact not known yet fails). */
  private static Object answer(FeelEngine feel, String expression, Map<String, Object> values) {
    try {
      Object result = feel.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext());
      return String.valueOf(result);
    } catch (FeelException refused) {
      return "refused: " + refused.getMessage();
    }
  }

  /** Nothing known, each name with each text the condition names, a checklist holding them, a yes. */
  private static List<Map<String, Object>> valuesFor(String condition) {
    List<String> texts = new ArrayList<>();
    Matcher literal = STRING_LITERAL.matcher(condition);
    while (literal.find()) {
      texts.add(literal.group(1));
    }
    texts.add("something else");
    Set<String> names = new LinkedHashSet<>();
    Matcher name = NAME.matcher(condition.replaceAll("\"[^\"]*\"", ""));
    while (name.find()) {
      names.add(name.group(1));
    }
    List<Map<String, Object>> variants = new ArrayList<>();
    variants.add(Map.of());
    for (String text : texts) {
      Map<String, Object> asText = new HashMap<>();
      Map<String, Object> asList = new HashMap<>();
      for (String one : names) {
        asText.put(one, text);
        asList.put(one, List.of(text));
      }
      variants.add(asText);
      variants.add(asList);
    }
    Map<String, Object> yes = new HashMap<>();
    names.forEach(one -> yes.put(one, true));
    variants.add(yes);
    return variants;
  }

  private static Set<String> hideConditions() throws IOException {
    Set<String> conditions = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          FormDefinitions.parse(in).stream().map(FormField::hide).filter(hide -> hide != null).forEach(conditions::add);
        }
      }
    }
    return conditions;
  }
}
