package com.caisschool.safeguarding.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
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
  static final String CONCURRENT_CHANGE = "This case changed at the same moment (another step or an alert);"
      + " nothing was saved. Send it again.";
  /** The engine finding a case's executions changed under a step (a race, like optimistic locking). */
  private static final String PARENT_CHANGED = "ENGINE-03077";
  static final String NOT_JSON = "The request body is not JSON of the expected shape"
      + " (for example {\"variables\": {\"name\": {\"value\": \"...\", \"type\": \"String\"}}}).";
  static final String NOT_A_VALUE = "A variable's value does not fit its type. Send each variable as"
      + " {\"value\": ..., \"type\": \"String\"} (or Boolean, Integer, Long, Double, Date, Json).";
  static final String JAVA_SERIALIZED = "Java-serialized objects are not accepted. Send each value as"
      + " String, Boolean, Integer, Long, Double, Date or Json.";
  /** Engine message code of a refused Java-serialized value. */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";
  private static final String NO_SERIALIZER = "Cannot find serializer for value";
  /** Where the REST API turns a request's variable into a typed value. */
  private static final String VARIABLE_VALUE_DTO = "org.camunda.bpm.engine.rest.dto.VariableValueDto";
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
    if (causeOf(error, OptimisticLockingException.class) != null || hasMessage(error, PARENT_CHANGED)) {
      // A step met its case's alert job (or another step) in the same moment: nothing was saved,
      // and sending it again succeeds. Not a server fault, so not a 500.
      return json(Response.Status.CONFLICT, "ConcurrentChange", CONCURRENT_CHANGE);
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
    if (error instanceof RuntimeException && thrownReadingVariables(error) || hasNoSerializer(error)) {
      // The REST API turning a variable of the request into a value (a type it cannot make from
      // what was sent, a File or Object without its valueInfo) fails with a bare runtime error.
      return json(Response.Status.BAD_REQUEST, "InvalidRequestException", NOT_A_VALUE);
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
    return hasMessage(error, JAVA_SERIALIZATION_PROHIBITED);
  }

  /** An Object or other value sent without what the engine needs to store it. */
  private static boolean hasNoSerializer(Throwable error) {
    return hasMessage(error, NO_SERIALIZER);
  }

  /** Whether the engine raised this error (or one of its causes) with a message containing {@code text}. */
  private static boolean hasMessage(Throwable error, String text) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessEngineException && cause.getMessage() != null && cause.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean thrownReadingVariables(Throwable error) {
    for (StackTraceElement frame : error.getStackTrace()) {
      if (frame.getClassName().equals(VARIABLE_VALUE_DTO)) {
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
