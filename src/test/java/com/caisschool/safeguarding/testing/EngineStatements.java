package com.caisschool.safeguarding.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL the engine runs, as its MyBatis mappers log it at DEBUG, with the logged parameters
 * written in, so that a test can ask PostgreSQL for its plan ({@link #plan}). Only for reading
 * plans: the literals are written as the log shows them (text quoted, numbers as they are).
 */
public final class EngineStatements {

  private static final String MAPPERS = "org.camunda.bpm.engine.impl.persistence.entity";
  private static final String PREPARING = "==>  Preparing:";
  private static final String PARAMETERS = "==> Parameters:";
  private static final Pattern PARAMETER = Pattern.compile("(null|.*?\\((\\w+)\\))(?:, |$)");

  /** One statement: its mapper statement (e.g. {@code TaskEntity.selectTaskByQueryCriteria}) and SQL. */
  public record Statement(String mapperStatement, String sql) {}

  private EngineStatements() {}

  /** The SELECTs any thread of this JVM ran through the engine while the call ran, in order. */
  public static List<Statement> selectsDuring(Runnable call) {
    List<Statement> selects = new ArrayList<>();
    Map<String, String> preparedByThread = new HashMap<>();
    for (ILoggingEvent event : LoggedDuring.debug(MAPPERS, call)) {
      String message = event.getFormattedMessage().trim();
      if (message.startsWith(PREPARING)) {
        preparedByThread.put(event.getThreadName(), message.substring(PREPARING.length()).trim());
      } else if (message.startsWith(PARAMETERS)) {
        String prepared = preparedByThread.remove(event.getThreadName());
        if (prepared != null && prepared.regionMatches(true, 0, "select", 0, 6)) {
          selects.add(new Statement(event.getLoggerName().substring(MAPPERS.length() + 1),
              bind(prepared, message.substring(PARAMETERS.length()).trim())));
        }
      }
    }
    return selects;
  }

  /** The plan PostgreSQL chooses for the statement, run ({@code analyze}) or only planned. */
  public static List<String> plan(JdbcTemplate jdbc, Statement statement, boolean analyze) {
    return jdbc.queryForList((analyze ? "explain (analyze, buffers) " : "explain ") + statement.sql(), String.class);
  }

  /**
   * The plan PostgreSQL would choose with many rows: a test database holds few, so reading a whole
   * table would be as cheap; sequential reads are discouraged for this statement only.
   */
  public static List<String> planWithoutSequentialReads(JdbcTemplate jdbc, String sql) {
    return jdbc.execute((java.sql.Connection connection) -> {
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        statement.execute("set local enable_seqscan = off");
        List<String> lines = new ArrayList<>();
        try (var rows = statement.executeQuery("explain " + sql)) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
        return lines;
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    });
  }

  private static String bind(String sql, String parameters) {
    List<String> literals = new ArrayList<>();
    Matcher matcher = PARAMETER.matcher(parameters);
    while (!parameters.isEmpty() && matcher.find()) {
      String value = matcher.group(1);
      if (value.equals("null")) {
        literals.add("null");
      } else {
        String text = value.substring(0, value.length() - matcher.group(2).length() - 2);
        literals.add(switch (matcher.group(2)) {
          case "Integer", "Long", "Boolean" -> text;
          default -> "'" + text.replace("'", "''") + "'";
        });
      }
      if (matcher.end() >= parameters.length()) {
        break;
      }
    }
    StringBuilder bound = new StringBuilder();
    int next = 0;
    for (char c : sql.toCharArray()) {
      bound.append(c == '?' && next < literals.size() ? literals.get(next++) : String.valueOf(c));
    }
    return bound.toString();
  }
}
