package com.caisschool.safeguarding.operations;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells whether an error means the database cannot be reached (down, restarting, cut off). */
public final class DatabaseOutage {

  private static final int MAX_DEPTH = 50;

  private DatabaseOutage() {}

  public static boolean isCauseOf(Throwable error) {
    return isCauseOf(error, 0);
  }

  private static boolean isCauseOf(Throwable error, int depth) {
    if (error == null || depth > MAX_DEPTH) {
      return false;
    }
    if (isOutage(error)) {
      return true;
    }
    // A failed rollback on a dead connection hides the original error here.
    if (error instanceof TransactionSystemException failedRollback
        && isCauseOf(failedRollback.getApplicationException(), depth + 1)) {
      return true;
    }
    return error.getCause() != error && isCauseOf(error.getCause(), depth + 1);
  }

  private static boolean isOutage(Throwable error) {
    // No connection could be had: the pool waited its connection timeout in vain (HikariCP), or
    // Spring could not open one for the transaction.
    if (error instanceof SQLTransientConnectionException
        || error instanceof CannotCreateTransactionException
        || error instanceof DataAccessResourceFailureException) {
      return true;
    }
    if (error instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      // SQL standard class 08: connection exception; PostgreSQL 57P01-57P03: server shutting
      // down, crashed, or not yet accepting connections.
      return state.startsWith("08") || state.startsWith("57P");
    }
    return false;
  }
}
