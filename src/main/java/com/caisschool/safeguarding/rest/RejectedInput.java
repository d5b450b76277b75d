package com.caisschool.safeguarding.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The REST API's error answers, one path for all of them. The REST API wraps every engine error
 * raised while starting a process or completing a task as "500 Internal Server Error". When the
 * cause is input the engine refused (a missing required fact, an unknown category, an unreadable
 * date, an answer over the length limit), the client is told so: 400 with the engine's message,
 * which names the field. So is a body that is not JSON of the expected shape, and a Java-serialized
 * object (never accepted: {@code javaSerializationFormatEnabled} is off). An answer never carries
 * SQL or a submitted value: a server error says only that nothing was saved, and a value quoted
 * in a refusal is left out.
 *
 * <p>The mappers of the REST API's exceptions are the database-outage mappers (operations), which
 * answer 503 when the database went away and otherwise this answer.
 */
public final class RejectedInput {

  static final String SERVER_ERROR = "The request could not be completed and nothing was saved."
      + " Try again; if it fails again, tell the system administrator the time it happened.";
  static final String NOT_JSON = "The request body is not JSON of the expected shape"
      + " (for example {\"variables\": {\"name\": {\"value\": \"...\", \"type\": \"String\"}}}).";
  static final String JAVA_SERIALIZED = "Java-serialized objects are not accepted. Send each value as"
      + " String, Boolean, Integer, Long, Double, Date or Json.";
  /** Engine message code of a refused Java-serialized value. */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";
  /** "value 'what was sent'" in the engine's and the REST API's conversion messages. */
  private static final Pattern QUOTED_VALUE = Pattern.compile("(?i)\\bvalue '[^']*'");

  private RejectedInput() {}

  public static Response answer(RestException exception) {
    return answer(exception, exception.getStatus());
  }

  /** The answer to any error, given the status the REST API would have chosen (null: 500). */
  public static Response answer(Throwable error, Response.Status chosen) {
    BadUserRequestException rejected = causeOf(error, BadUserRequestException.class);
    if (rejected != null) {
      return json(Response.Status.BAD_REQUEST, "InvalidRequestException", withoutValues(rejected.getMessage()));
    }
    if (isJavaSerialized(error)) {
      return json(Response.Status.BAD_REQUEST, "InvalidRequestException", JAVA_SERIALIZED);
    }
    if (error instanceof RestException refused && refused.getStatus() != null
        && refused.getStatus().getFamily() == Response.Status.Family.CLIENT_ERROR) {
      // The REST API's own refusal (a value it cannot convert, an unknown type): its message names
      // the variable.
      return json(refused.getStatus(), "InvalidRequestException", withoutValues(refused.getMessage()));
    }
    if (error instanceof JsonProcessingException) {
      return json(Response.Status.BAD_REQUEST, "InvalidRequestException", NOT_JSON);
    }
    Response.Status status = chosen != null ? chosen : Response.Status.INTERNAL_SERVER_ERROR;
    if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      return json(status, "ServerError", SERVER_ERROR);
    }
    return json(status, error.getClass().getSimpleName(), withoutValues(error.getMessage()));
  }

  private static boolean isJavaSerialized(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException && cause.getMessage() != null
          && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
        return true;
      }
    }
    return false;
  }

  static String withoutValues(String message) {
    return message == null ? "" : QUOTED_VALUE.matcher(message).replaceAll("value");
  }

  private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static Response json(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
