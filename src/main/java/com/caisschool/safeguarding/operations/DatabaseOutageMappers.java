package com.caisschool.safeguarding.operations;

import com.caisschool.safeguarding.rest.RejectedInput;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The REST API's side of {@link DatabaseOutageFilter}: an engine call that fails because the
 * database went away after the caller was authenticated (a connection cut by a restart) is
 * answered 503 with the same plain message, not "500: an exception occurred in the persistence
 * layer". Every other error goes to the handler that had it before (a RestException to
 * {@link RejectedInput}: 400 for refused input). One mapper per exception type the REST API already
 * maps, each ahead of it (lower priority number); the status is the REST API's, the message
 * {@link RejectedInput}'s (never SQL or a submitted value).
 */
final class DatabaseOutageMappers {

  private DatabaseOutageMappers() {}

  static Response unavailable(int retryAfterSeconds) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", retryAfterSeconds)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "DatabaseUnavailable", "message", DatabaseOutageFilter.MESSAGE))
        .build();
  }

  /** The status the REST API's own handler chose; its message is not passed on. */
  private static Response.Status statusOf(Response answer) {
    return Response.Status.fromStatusCode(answer.getStatus());
  }

  @Priority(0)
  public static class ForRestException implements ExceptionMapper<RestException> {
    private final int retryAfterSeconds;

    public ForRestException(int retryAfterSeconds) {
      this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Response toResponse(RestException exception) {
      return DatabaseOutage.isCauseOf(exception) ? unavailable(retryAfterSeconds)
          : RejectedInput.answer(exception);
    }
  }

  @Priority(0)
  public static class ForEngineException implements ExceptionMapper<ProcessEngineException> {
    private final int retryAfterSeconds;

    public ForEngineException(int retryAfterSeconds) {
      this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return DatabaseOutage.isCauseOf(exception) ? unavailable(retryAfterSeconds)
          : RejectedInput.answer(exception, statusOf(new ProcessEngineExceptionHandler().toResponse(exception)));
    }
  }

  @Priority(0)
  public static class ForAnyError implements ExceptionMapper<Throwable> {
    private final int retryAfterSeconds;

    public ForAnyError(int retryAfterSeconds) {
      this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Response toResponse(Throwable error) {
      return DatabaseOutage.isCauseOf(error) ? unavailable(retryAfterSeconds)
          : RejectedInput.answer(error, statusOf(new ExceptionHandler().toResponse(error)));
    }
  }
}
