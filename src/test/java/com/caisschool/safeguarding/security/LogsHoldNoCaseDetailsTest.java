package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Reads the log of the whole test run (target/test-run.log, written by logback-test.xml with the
 * application's loggers at TRACE) after every other test class (see junit-platform.properties):
 * no child's name and no fact from the test data may appear in it, whatever happened in the run,
 * refusals and failures included. Every child in the test data is named "... -Testchild".
 */
@Order(Integer.MAX_VALUE)
class LogsHoldNoCaseDetailsTest {

  private static final Path TEST_RUN_LOG = Path.of("target", "test-run.log");

  /** Names of adults and facts that the test data's reports hold. */
  private static final List<String> FACTS = List.of(
      "Testchild", "Chen Hua", "Officer Zhang", "Dispatcher Zhang",
      "Finger-mark bruises", "Dad grabs me", "Burn marks on both wrists", "Uncle locks me in the cellar",
      "messages her late at night", "private flat", "called names", "Fresh cuts", "I hurt myself", "Alex Wu");

  @Test
  void theTestRunsLogNamesNoChildAndTellsNoFact() throws IOException {
    assertThat(TEST_RUN_LOG).as("run with mvn verify: logback-test.xml writes it").exists();
    String log = Files.readString(TEST_RUN_LOG, StandardCharsets.UTF_8);

    // The scan means something only after the other tests: many reports were recorded by then.
    assertThat(Pattern.compile("Case \\S+ opened in").matcher(log).results().count())
        .as("reports recorded in this run's log (does this class still run last?)")
        .isGreaterThan(20);

    List<String> leaks = log.lines()
        .filter(line -> FACTS.stream().anyMatch(fact -> line.toLowerCase().contains(fact.toLowerCase())))
        .toList();
    assertThat(leaks).as("log lines naming a child or telling a fact").isEmpty();
  }
}
