package com.caisschool.safeguarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many SQL statements each step of a full concern case runs, the application against bare
 * Camunda (issue 25): H2's own query statistics, reset before each step and read after it. Prints
 * one line per step (with {@code -Dbenchmark.statements=top} the statements run most often, too);
 * it checks only that every step was counted on both sides, never a number. Run on request only
 * (it starts the application and a bare engine): {@code mvn -B -o test-compile surefire:test@benchmark
 * -Dtest=StepStatementsTest -Dbenchmark.statements=counts}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.statements", matches = "counts|top")
@ApplicationTest
class StepStatementsTest {

  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  @Test
  void countsTheStatementsOfEachStep() {
    ConcernArm app = ConcernArm.application(RestApi.as(port, "teacher", "demo"), RestApi.as(port, "cpo", "demo"));
    app.fullCase("Warm-up-Testchild");
    Map<String, Long> appCounts = counted(new JdbcTemplate(dataSource), app);
    Map<String, Long> bareCounts;
    try (ApplicationBenchmarkTest.Running bare = ApplicationBenchmarkTest.Running.bare("statementsBare",
        "--spring.datasource.url=jdbc:h2:mem:statementsBare;DB_CLOSE_DELAY=-1")) {
      ConcernArm bareArm = ConcernArm.bare(bare.rest("nobody", "none"));
      bareArm.fullCase("Warm-up-Testchild");
      bareCounts = counted(new JdbcTemplate(bare.context().getBean(DataSource.class)), bareArm);
    }
    StringBuilder table = new StringBuilder("\nSQL statements per step (application / bare):\n");
    appCounts.forEach((step, count) -> table.append(String.format("  %-32s %5d / %5d%n", step, count, bareCounts.get(step))));
    System.out.println(table);
    assertThat(appCounts.keySet()).containsExactlyElementsOf(bareCounts.keySet());
    assertThat(appCounts.values()).allMatch(count -> count > 0);
  }

  /** One case, step by step: the statements each step ran (its task query included). */
  private static Map<String, Long> counted(JdbcTemplate jdbc, ConcernArm arm) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 5000");
    reset(jdbc);
    String id = arm.reported("Counted-Testchild");
    counts.put("report", read(jdbc, arm.name() + " report"));
    for (Map.Entry<String, Map<String, Object>> step : ConcernArm.NO_ACTION_PATH) {
      reset(jdbc);
      arm.closeStep(id, step);
      counts.put(step.getKey(), read(jdbc, arm.name() + " " + step.getKey()));
    }
    return counts;
  }

  private static void reset(JdbcTemplate jdbc) {
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
  }

  private static long read(JdbcTemplate jdbc, String step) {
    var rows = jdbc.queryForList("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
        + " WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' ORDER BY EXECUTION_COUNT DESC");
    long total = rows.stream().mapToLong(row -> ((Number) row.get("EXECUTION_COUNT")).longValue()).sum();
    if ("top".equals(System.getProperty("benchmark.statements"))) {
      // Every statement, so that two runs (or the two sides) can be compared line by line.
      System.out.println(step + ": " + total + "\n" + rows.stream()
          .map(row -> "    " + row.get("EXECUTION_COUNT") + "  " + String.valueOf(row.get("SQL_STATEMENT"))
              .replaceAll("\\s+", " ").substring(0, Math.min(170, String.valueOf(row.get("SQL_STATEMENT")).replaceAll("\\s+", " ").length())))
          .collect(Collectors.joining("\n")));
    }
    return total;
  }
}
