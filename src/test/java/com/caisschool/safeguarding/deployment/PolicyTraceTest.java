package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The policy trace ({@code docs/policy-trace.md}) names, for every clause, the test that proves it:
 * each test it names must exist under {@code src/test/java}. A cell names tests as
 * {@code Class#method}, {@code Class.method}, {@code #method} (of the class named before it in the
 * cell), a test class alone, or a method alone (declared by some test class); an upper-case
 * constant stands for a case in the class named before it. A class of the application itself may
 * be named beside the tests (the element a test exercises); each row names at least one test.
 */
class PolicyTraceTest {

  private static final Path TRACE = Path.of("docs/policy-trace.md");
  private static final Path TESTS = Path.of("src/test/java");
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern NAMED = Pattern.compile("`([^`]+)`");
  private static final Pattern QUALIFIED = Pattern.compile("([A-Z][A-Za-z0-9]*)[#.]([a-z][A-Za-z0-9]*)");
  private static final Pattern CLASS = Pattern.compile("[A-Z][A-Za-z0-9]*(Test|Tests)");
  private static final Pattern METHOD = Pattern.compile("#?([a-z][A-Za-z0-9]*)");
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]+");

  @Test
  void everyTestTheTraceNamesExists() throws IOException {
    Map<String, String> sources = sources(TESTS);
    Map<String, String> application = sources(MAIN);
    String allSources = String.join("\n", sources.values());
    List<String> missing = new ArrayList<>();
    List<String> rows = testCells();
    assertThat(rows).as("rows with a test column").hasSizeGreaterThan(50);
    for (String cell : rows) {
      List<String> names = named(cell);
      assertThat(names).as("a row that names no test: " + cell).isNotEmpty();
      String lastClass = null;
      int tests = 0;
      for (String name : names) {
        if (application.containsKey(name)) {
          continue;
        }
        tests++;
        Matcher qualified = QUALIFIED.matcher(name);
        if (qualified.matches()) {
          lastClass = qualified.group(1);
          check(sources, lastClass, qualified.group(2), missing);
        } else if (CLASS.matcher(name).matches()) {
          lastClass = name;
          if (!sources.containsKey(name)) {
            missing.add(name);
          }
        } else if (CONSTANT.matcher(name).matches()) {
          if (lastClass == null || !sources.getOrDefault(lastClass, "").contains(name)) {
            missing.add(lastClass + " " + name);
          }
        } else if (METHOD.matcher(name).matches()) {
          String method = name.replace("#", "");
          if (name.startsWith("#") && lastClass != null) {
            check(sources, lastClass, method, missing);
          } else if (!declares(allSources, method)) {
            missing.add(name);
          }
        } else {
          missing.add("not a test name: " + name);
        }
      }
      assertThat(tests).as("a row that names no test: " + cell).isPositive();
    }
    assertThat(missing).as("tests named in docs/policy-trace.md that do not exist").isEmpty();
  }

  private static void check(Map<String, String> sources, String testClass, String method, List<String> missing) {
    if (!declares(sources.getOrDefault(testClass, ""), method)) {
      missing.add(testClass + "#" + method);
    }
  }

  private static boolean declares(String source, String method) {
    return Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(").matcher(source).find()
        || Pattern.compile("\\bStream<[^>]+>\\s+" + method + "\\s*\\(").matcher(source).find();
  }

  /** The last column of every table row of the trace (the tests), header and rule rows left out. */
  private static List<String> testCells() throws IOException {
    List<String> cells = new ArrayList<>();
    for (String line : Files.readAllLines(TRACE)) {
      if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| policy clause")) {
        continue;
      }
      String[] columns = line.split("(?<!\\\\)\\|");
      cells.add(columns[columns.length - 1].isBlank() && columns.length > 1 ? columns[columns.length - 2]
          : columns[columns.length - 1]);
    }
    return cells;
  }

  private static List<String> named(String cell) {
    List<String> names = new ArrayList<>();
    Matcher matcher = NAMED.matcher(cell);
    while (matcher.find()) {
      names.add(matcher.group(1).trim());
    }
    return names;
  }

  private static Map<String, String> sources(Path root) throws IOException {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).collect(Collectors.toList())) {
        try {
          sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return sources;
  }
}
