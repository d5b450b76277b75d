package com.caisschool.safeguarding.benchmark;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A diagnosis, not a measure ({@code -Dbenchmark.statements=true}): PostgreSQL's own log of every
 * statement with its duration ({@code log_min_duration_statement = 0}) while the samples are
 * taken, each timed request between two marker statements (run outside the timed call) that name
 * it and give its time at the client, so that a request's round trips, their times and the gaps
 * between them can be compared, application against bare Camunda. The server's log goes to files
 * in the directory {@code -Dembedded.postgres.log-directory=...} names ({@code EmbeddedPostgresServer}).
 * The logging slows both sides: figures of such a run are for finding causes only.
 */
final class StatementLog implements AutoCloseable {

  private final JdbcTemplate jdbc;

  private StatementLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.execute("alter system set log_min_duration_statement = 0");
    jdbc.execute("select pg_reload_conf()");
  }

  /** On when {@code -Dbenchmark.statements=true}, else null. */
  static StatementLog onIfAsked(JdbcTemplate jdbc) {
    return Boolean.getBoolean("benchmark.statements") ? new StatementLog(jdbc) : null;
  }

  void start(String arm, String request) {
    jdbc.queryForObject("select ?", String.class, "statement log start: " + arm + ": " + request);
  }

  void end(String arm, String request, double millis) {
    jdbc.queryForObject("select ?", String.class,
        String.format(Locale.ROOT, "statement log end: %s: %s: %.1f ms", arm, request, millis));
  }

  @Override
  public void close() {
    jdbc.execute("alter system reset log_min_duration_statement");
    jdbc.execute("select pg_reload_conf()");
  }
}
