package com.caisschool.safeguarding.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import org.slf4j.Marker;

/**
 * Keeps SQL and the values in it out of the log. A database error's message quotes the statement
 * and the values that did not fit (the start of a child's account, say); the engine and the REST
 * API log it with its stack trace. Such a line is replaced by one that says which error it was
 * (exception types, SQL state), where, and that the details were withheld; nothing else is changed.
 */
class DatabaseDetailsWithheld extends TurboFilter {

  private static final ThreadLocal<Boolean> REPLACING = ThreadLocal.withInitial(() -> false);

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable thrown) {
    if (REPLACING.get() || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return FilterReply.NEUTRAL;
    }
    Throwable error = thrown != null ? thrown
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    if (!carriesDatabaseDetails(error) && !quotesSql(format) && !quotesSqlIn(params)) {
      return FilterReply.NEUTRAL;
    }
    REPLACING.set(true);
    try {
      String line = "Database error ({}); its SQL and values are withheld from the log";
      switch (level.toInt()) {
        case Level.ERROR_INT -> logger.error(line, summary(error));
        case Level.WARN_INT -> logger.warn(line, summary(error));
        case Level.INFO_INT -> logger.info(line, summary(error));
        default -> logger.debug(line, summary(error));
      }
    } finally {
      REPLACING.set(false);
    }
    return FilterReply.DENY;
  }

  private static boolean carriesDatabaseDetails(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException || cause.getClass().getName().startsWith("org.apache.ibatis.")
          || quotesSql(cause.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static boolean quotesSqlIn(Object[] params) {
    if (params == null) {
      return false;
    }
    for (Object param : params) {
      if (param instanceof Throwable error ? carriesDatabaseDetails(error) : param != null && quotesSql(param.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean quotesSql(String text) {
    return text != null && (text.contains("SQL statement") || text.contains("### SQL") || text.contains("### Error")
        || text.contains("Value too long for column") || text.contains("value too long for type"));
  }

  /** The chain of exception types, the SQL state, and the first application frame. */
  private static String summary(Throwable error) {
    if (error == null) {
      return "no exception";
    }
    StringBuilder text = new StringBuilder();
    String sqlState = null;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      text.append(text.isEmpty() ? "" : " < ").append(cause.getClass().getSimpleName());
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        sqlState = sql.getSQLState();
      }
    }
    if (sqlState != null) {
      text.append(", SQL state ").append(sqlState);
    }
    for (StackTraceElement frame : error.getStackTrace()) {
      if (frame.getClassName().startsWith("com.caisschool.")) {
        text.append(", at ").append(frame.getClassName()).append('.').append(frame.getMethodName());
        break;
      }
    }
    return text.toString();
  }
}
