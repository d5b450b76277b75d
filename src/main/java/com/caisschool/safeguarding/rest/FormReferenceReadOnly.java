package com.caisschool.safeguarding.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An update of a task ({@code PUT .../task/{id}}) may carry the task's form reference as the API
 * gave it: Tasklist sends the whole task back to set a due or follow-up date. Camunda 7.24's REST
 * layer cannot read that reference back (it is an interface) and refused the whole update with 400,
 * and the form is the model's to set, never an update's. So the reference is dropped from the
 * update before the engine reads it; everything else is passed on unchanged.
 */
final class FormReferenceReadOnly extends OncePerRequestFilter {

  static final String FORM_REFERENCE = "camundaFormRef";
  private static final Pattern TASK_UPDATE =
      Pattern.compile("/(engine-rest|camunda/api/engine/engine/[^/]+)/task/[^/]+");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"PUT".equals(request.getMethod()) || !TASK_UPDATE.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] sent = request.getInputStream().readAllBytes();
    chain.doFilter(new RequestWithBody(request, withoutFormReference(sent)), response);
  }

  private byte[] withoutFormReference(byte[] sent) {
    try {
      JsonNode update = json.readTree(sent);
      if (update instanceof ObjectNode task && task.remove(FORM_REFERENCE) != null) {
        return json.writeValueAsBytes(task);
      }
    } catch (IOException notJson) {
      // Passed on as sent: the REST API answers it with its own 400.
    }
    return sent;
  }
}
