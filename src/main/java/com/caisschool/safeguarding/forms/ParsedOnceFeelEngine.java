package com.caisschool.safeguarding.forms;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's Scala FEEL engine (the one its decision tables use, with the same custom functions)
 * that parses each expression once: the engine's own {@code evaluateSimpleExpression} parses the
 * text again at every evaluation, and a form's hide conditions are evaluated for every field of
 * every submission (issue 25: parsing was about half of their cost). The answers are the
 * engine's: the same parser, the same evaluation, the same refusal of a text that does not parse.
 * The expressions come from the deployed forms, so the cache stays small; past
 * {@link #MOST_EXPRESSIONS} distinct texts, further ones are parsed each time instead of kept.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

  static final int MOST_EXPRESSIONS = 2_000;

  private final Map<String, Either<Failure, ParsedExpression>> parsed = new ConcurrentHashMap<>();
  private final AtomicInteger parses = new AtomicInteger();

  ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    Either<Failure, ParsedExpression> parse = parsedOnce(expression);
    Either<Failure, Object> result = parse instanceof Right<Failure, ParsedExpression> right
        ? feelEngine.eval(right.value(), new CustomContext() {
          @Override
          public VariableProvider variableProvider() {
            return new ContextVariableWrapper(variables);
          }
        })
        : (Either<Failure, Object>) (Either<?, ?>) parse;
    if (result instanceof Right<Failure, Object> value) {
      return (T) value.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
  }

  private Either<Failure, ParsedExpression> parsedOnce(String expression) {
    Either<Failure, ParsedExpression> known = parsed.get(expression);
    if (known != null) {
      return known;
    }
    parses.incrementAndGet();
    Either<Failure, ParsedExpression> parse = feelEngine.parseExpression(expression);
    if (parsed.size() < MOST_EXPRESSIONS) {
      parsed.put(expression, parse);
    }
    return parse;
  }

  /** How many times an expression text was parsed (for tests: once per distinct text). */
  int parses() {
    return parses.get();
  }
}
