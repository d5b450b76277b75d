package com.caisschool.safeguarding.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A request body that is not JSON, or not of the shape the REST API expects: 400 with a message
 * that says so, ahead of the other mappers of these types (whose message is empty or quotes the
 * body). One mapper per type, as the REST framework picks a mapper by the closest type first.
 */
final class BodyNotJson {

  private BodyNotJson() {}

  @Priority(0)
  static class NotJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return RejectedInput.answer(exception, Response.Status.BAD_REQUEST);
    }
  }

  @Priority(0)
  static class NotOfTheExpectedShape implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return RejectedInput.answer(exception, Response.Status.BAD_REQUEST);
    }
  }
}
