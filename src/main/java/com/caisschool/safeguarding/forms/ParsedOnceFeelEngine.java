package com.caisschool.safeguarding.forms;

import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
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
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Camunda's Scala FEEL engine (the one its decision tables use, with the same custom functions)
 * that parses each expression once: the engine's own {@code evaluateSimpleExpression} parses the
 * text again at every evaluation, and a form's hide conditions are evaluated for every field of
 * every submission (issue 25: parsing was about half of their cost). The answers are the
 * engine's: the same parser, the same evaluation, the same refusal of a text that does not parse.
 * The expressions come from the deployed forms, so the cache stays small; past
 * {@link #MOST_EXPRESSIONS} distinct texts, further ones are parsed each time instead of kept.
 * <p>
 * It also builds FEEL's table of built-in functions once: the engine builds it anew for every
 * evaluation (its root context), about four in five of a hide condition's remaining cost (issue 25).
 * The table holds functions only, no values: the clock's functions ({@code now()}, {@code today()})
 * still read the clock when they are called. Each evaluation gets a context of its own, as in the
 * engine, and its result is read as the engine reads it (an assertion failure, an error: refused).
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

  static final int MOST_EXPRESSIONS = 2_000;

  private final Map<String, Either<Failure, ParsedExpression>> parsed = new ConcurrentHashMap<>();
  private final AtomicInteger parses = new AtomicInteger();
  private final ValueMapper values;
  private final FeelInterpreter interpreter;
  /** The built-in functions, then the custom ones, as the engine's root context orders them. */
  private final FunctionProvider functions;

  ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    this.values = feelEngine.valueMapper();
    this.interpreter = new FeelInterpreter(values);
    this.functions = new FunctionProvider.CompositeFunctionProvider(CollectionConverters.asScala(
        List.<FunctionProvider>of(new BuiltinFunctions(feelEngine.clock(), values), feelEngine.functionProvider())).toList());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    Either<Failure, ParsedExpression> parse = parsedOnce(expression);
    if (parse instanceof Right<Failure, ParsedExpression> right) {
      return (T) evaluate(right.value(), variables);
    }
    throw LOGGER.evaluationException(((Left<Failure, ParsedExpression>) parse).value().message());
  }

  /** The engine's evaluation of a parsed (and so validated) expression, with the table built once. */
  private Object evaluate(ParsedExpression parsed, VariableContext variables) {
    EvalContext context = EvalContext.create(values, functions).merge(new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variables);
      }
    });
    Val result = interpreter.eval(parsed.expression(), context);
    boolean assertionFailed = CollectionConverters.asJava(context.failureCollector().failures()).stream()
        .anyMatch(failure -> EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType()));
    if (assertionFailed) {
      throw LOGGER.evaluationException("Assertion failure on evaluate the expression '" + parsed.text() + "': "
          + assertionMessage(context));
    }
    String error = result instanceof ValError failed ? failed.error()
        : result instanceof ValFatalError fatal ? fatal.error() : null;
    if (error != null) {
      throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error);
    }
    return values.unpackVal(result);
  }

  private static String assertionMessage(EvalContext context) {
    return CollectionConverters.asJava(context.failureCollector().failures()).stream()
        .filter(failure -> EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType()))
        .map(failure -> failure.failureMessage()).findFirst().orElse("");
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
