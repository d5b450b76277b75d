package com.caisschool.safeguarding.benchmark;

import com.caisschool.safeguarding.testing.EngineStatements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A diagnosis, not a measure ({@code -Dbenchmark.plans=true}): the SELECTs the engine runs for
 * some requests ({@link EngineStatements}), run again with {@code EXPLAIN (ANALYZE, BUFFERS)} on
 * the same database and written to target/benchmark/plans.md, so the plans of the CPO's lists can
 * be read.
 */
final class ListPlans {

  private final JdbcTemplate jdbc;
  private final StringBuilder out = new StringBuilder();

  ListPlans(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Runs the request with the engine's SQL logged, then explains each SELECT it ran. */
  void explain(String request, Runnable call) {
    out.append("\n## ").append(request).append('\n');
    for (EngineStatements.Statement statement : EngineStatements.selectsDuring(call)) {
      if (!statement.mapperStatement().startsWith("TaskEntity.") && !statement.mapperStatement().startsWith("FilterEntity.")) {
        continue; // the job executor's and others' statements, run meanwhile
      }
      out.append("\n### ").append(statement.mapperStatement()).append("\n\n").append(statement.sql()).append("\n\n");
      try {
        EngineStatements.plan(jdbc, statement, true).forEach(line -> out.append("    ").append(line).append('\n'));
      } catch (org.springframework.dao.DataAccessException e) {
        out.append("    (not explained: ").append(e.getMostSpecificCause().getMessage()).append(")\n");
      }
    }
  }

  void writeTo(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
