package com.caisschool.safeguarding.operations;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The 503 both database guards give: JSON with a type and a message for people, and when to try again. */
final class ServiceUnavailableAnswer {

  private ServiceUnavailableAnswer() {}

  static void write(HttpServletResponse response, String type, String message, int retryAfterSeconds) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }
}
