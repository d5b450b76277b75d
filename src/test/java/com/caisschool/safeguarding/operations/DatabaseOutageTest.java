package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which errors count as "the database cannot be reached", and what the REST API then answers. */
class DatabaseOutageTest {

  static final SQLException CONNECTION_CUT = new SQLException("An I/O error occurred", "08006");

  @Test
  void connectionErrorsAnywhereInTheCauseChainAreAnOutage() {
    assertThat(DatabaseOutage.isCauseOf(new ProcessEnginePersistenceException("persistence", CONNECTION_CUT))).isTrue();
    assertThat(DatabaseOutage.isCauseOf(new SQLException("shutting down", "57P01"))).isTrue();
    assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("no connection"))).isTrue();
    // A failed rollback on the cut connection hides the original error as its "application exception".
    var rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(new ProcessEnginePersistenceException("persistence", CONNECTION_CUT));
    assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("wrapped", rollbackFailed))).isTrue();
  }

  @Test
  void otherDatabaseAndInputErrorsAreNot() {
    assertThat(DatabaseOutage.isCauseOf(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new BadUserRequestException("Unknown category"))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new TransactionSystemException("commit failed"))).isFalse();
  }

  @Test
  void restApiAnswers503WithThePlainMessageAndLeavesOtherErrorsToTheirHandlers() {
    Response outage = new DatabaseOutageMappers.ForRestException(60).toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, new ProcessEnginePersistenceException("p", CONNECTION_CUT), "x"));
    Response refusedInput = new DatabaseOutageMappers.ForRestException(60).toResponse(new RestException(
        Response.Status.INTERNAL_SERVER_ERROR, new BadUserRequestException("Unknown category 'x'"), "x"));
    Response engineError = new DatabaseOutageMappers.ForEngineException(60).toResponse(
        new ProcessEngineException("something else"));

    assertThat(outage.getStatus()).isEqualTo(503);
    assertThat(outage.getHeaderString("Retry-After")).isEqualTo("60");
    assertThat(((Map<?, ?>) outage.getEntity()).get("message")).isEqualTo(DatabaseOutageFilter.MESSAGE);
    assertThat(refusedInput.getStatus()).isEqualTo(400);
    assertThat(engineError.getStatus()).isEqualTo(500);
    assertThat(new DatabaseOutageMappers.ForAnyError(60).toResponse(new CannotCreateTransactionException("none"))
        .getStatus()).isEqualTo(503);
  }
}
