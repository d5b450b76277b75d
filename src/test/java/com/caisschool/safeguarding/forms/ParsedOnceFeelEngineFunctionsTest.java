package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The parsed-once FEEL engine builds FEEL's table of built-in functions once instead of at every
 * evaluation (issue 25); what it answers must stay the engine's: built-in and custom functions,
 * the clock's functions reading the time when called, an error or a failed assertion refused with
 * the engine's message, and evaluations on several threads at once each with its own values.
 */
class ParsedOnceFeelEngineFunctionsTest {

  private static final FeelCustomFunctionProvider TWICE = new FeelCustomFunctionProvider() {
    @Override
    public java.util.Optional<CustomFunction> resolveFunction(String name) {
      return "twice".equals(name)
          ? java.util.Optional.of(CustomFunction.create().setParams("x")
              .setFunction(args -> ((Number) args.get(0)).longValue() * 2).build())
          : java.util.Optional.empty();
    }

    @Override
    public java.util.Collection<String> getFunctionNames() {
      return List.of("twice");
    }
  };

  private final FeelEngine engines = new ScalaFeelEngineFactory(List.of(TWICE)).createInstance();
  private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of(TWICE));

  @Test
  void answersBuiltInAndCustomFunctionsErrorsAndAssertionsAsTheEngineDoes() {
    Map<String, Object> values = Map.of("name", "Ali", "count", 3, "items", List.of("a", "b"));
    for (String expression : List.of("string length(name) = 3", "upper case(name)", "count(items)",
        "list contains(items, \"b\")", "twice(count)", "twice(count) + count", "sum([1, 2, count])",
        "substring(name, 2)", "date(\"2026-12-02\") + duration(\"P1D\")", "not(count > 2)",
        "assert(count, count > 5)", "assert(count, count > 1)", "name.first", "unknownFunction(1)",
        "count / 0", "items[5]", "is defined(missing)")) {
      for (int time = 0; time < 2; time++) {
        assertThat(answer(parsedOnce, expression, values)).as(expression).isEqualTo(answer(engines, expression, values));
      }
    }
  }

  @Test
  void theClocksFunctionsReadTheTimeWhenTheyAreCalled() {
    for (int time = 0; time < 2; time++) {
      java.time.Instant before = java.time.Instant.now();
      Object now = parsedOnce.evaluateSimpleExpression("now()", Variables.createVariables().asVariableContext());
      java.time.Instant after = java.time.Instant.now();
      assertThat(((java.time.temporal.TemporalAccessor) now).getLong(java.time.temporal.ChronoField.INSTANT_SECONDS))
          .isBetween(before.getEpochSecond(), after.getEpochSecond());
      assertThat((Object) parsedOnce.evaluateSimpleExpression("today()", Variables.createVariables().asVariableContext()))
          .isEqualTo(LocalDate.now());
    }
  }

  @Test
  void evaluationsOnSeveralThreadsEachSeeTheirOwnValues() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> answers = IntStream.range(0, 400).mapToObj(i -> threads.submit(() -> {
        Object result = parsedOnce.evaluateSimpleExpression("twice(n) = " + (2 * (i % 7)) + " and assert(n, n >= 0) = n",
            Variables.createVariables().putValue("n", i % 7).asVariableContext());
        return Boolean.TRUE.equals(result);
      })).toList();
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static String answer(FeelEngine feel, String expression, Map<String, Object> values) {
    try {
      return String.valueOf((Object) feel.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext()));
    } catch (FeelException refused) {
      return "refused: " + refused.getMessage();
    }
  }
}
