package com.caisschool.safeguarding.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The REST API wraps every engine error raised while starting a process or completing a task as
 * "500 Internal Server Error". When the cause is input the engine refused (a missing required fact,
 * an unknown category, an unreadable date), the client is told so: 400 with the engine's message,
 * which names the field. Anything else keeps the status the REST API chose.
 *
 * <p>The one mapper of {@link RestException} is the database-outage mapper (operations), which
 * answers 503 when the database went away and otherwise this answer: one path, one priority.
 */
public final class RejectedInput {

  /** The engine's code for a value in Java serialization, which it refuses as it is set: input, not a fault. */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  private RejectedInput() {}

  public static Response answer(RestException exception) {
    BadUserRequestException rejected = rejectedInput(exception);
    Response.Status status = rejected != null ? Response.Status.BAD_REQUEST
        : exception.getStatus() != null ? exception.getStatus() : Response.Status.INTERNAL_SERVER_ERROR;
    String type = rejected != null ? "InvalidRequestException" : exception.getClass().getSimpleName();
    String message = rejected != null ? rejected.getMessage() : exception.getMessage();
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message == null ? "" : message)).build();
  }

  private static BadUserRequestException rejectedInput(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException rejected) {
        return rejected;
      }
      if (cause.getMessage() != null && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
        return new BadUserRequestException("A value in Java serialization is not accepted: send each field"
            + " as its form states it (text, a number, true or false, a JSON list)");
      }
    }
    return null;
  }
}
