package com.caisschool.safeguarding.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's history API for someone who reads history by process definition (the CPO, the
 * deputy) and is the subject of some case: a grant per definition cannot leave one case out, so
 * the answer is checked here, per case, and fails closed. Whatever names one of their cases (its
 * reference, a process instance or task id under it) is left out of a list, a single answer naming
 * it is refused (404), a count is the count of the list as left, and whatever cannot be checked
 * (aggregates: statistics and reports; an answer that is not JSON, such as a variable's bytes) is
 * refused (403). Their other cases' history answers as usual.
 */
@Component
class HistoryWithoutOwnCases {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AGGREGATE = Pattern.compile(".*/(statistics|report|cleanup)(/.*)?$|.*/history/batch(/.*)?$");

  private final HistoryService history;
  private final IdentityService identities;

  HistoryWithoutOwnCases(HistoryService history, IdentityService identities) {
    this.history = history;
    this.identities = identities;
  }

  void answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Set<String> references)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (AGGREGATE.matcher(path).matches()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Totals over cases are not open to someone a case is about.");
      return;
    }
    Set<String> hidden = identifiersOf(references);
    String asked = path + "?" + (request.getQueryString() == null ? "" : request.getQueryString());
    if (hidden.stream().anyMatch(asked::contains)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    boolean count = path.endsWith("/count");
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(count ? new AsList(request) : request, held);
    byte[] body = held.getContentAsByteArray();
    if (held.getStatus() >= 300) {
      held.copyBodyToResponse();
      return;
    }
    JsonNode answer = parsed(body);
    if (answer == null) {
      refuse(held, HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    JsonNode checked;
    if (answer.isArray()) {
      ArrayNode left = JSON.createArrayNode();
      answer.forEach(element -> {
        if (!names(element, hidden)) {
          left.add(element);
        }
      });
      checked = count ? JSON.createObjectNode().put("count", left.size()) : left;
    } else if (names(answer, hidden) || count) {
      refuse(held, count ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
      return;
    } else {
      checked = answer;
    }
    byte[] out = JSON.writeValueAsBytes(checked);
    held.resetBuffer();
    response.setContentType("application/json");
    response.setContentLength(out.length);
    response.getOutputStream().write(out);
  }

  /** The case references and every process instance and task id under them, as the history keeps them. */
  private Set<String> identifiersOf(Set<String> references) {
    return SystemAccess.run(identities, () -> {
      Set<String> ids = new LinkedHashSet<>(references);
      for (String reference : references) {
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(reference).list()) {
          ids.add(instance.getId());
          history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()
              .forEach(task -> ids.add(task.getId()));
        }
      }
      return ids;
    });
  }

  private static boolean names(JsonNode element, Set<String> hidden) {
    String text = element.toString();
    return hidden.stream().anyMatch(id -> text.contains("\"" + id + "\""));
  }

  private static JsonNode parsed(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (IOException notJson) {
      return null;
    }
  }

  private static void refuse(ContentCachingResponseWrapper held, int status) throws IOException {
    held.resetBuffer();
    held.setStatus(status);
    held.copyBodyToResponse();
  }

  /** A count asked as the list it counts (same query, without {@code /count}), to count what is left of it. */
  private static final class AsList extends HttpServletRequestWrapper {

    AsList(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getRequestURI() {
      return strip(super.getRequestURI());
    }

    @Override
    public StringBuffer getRequestURL() {
      return new StringBuffer(strip(super.getRequestURL().toString()));
    }

    @Override
    public String getPathInfo() {
      return super.getPathInfo() == null ? null : strip(super.getPathInfo());
    }

    @Override
    public String getServletPath() {
      return super.getPathInfo() == null ? strip(super.getServletPath()) : super.getServletPath();
    }

    private static String strip(String path) {
      return path.endsWith("/count") ? path.substring(0, path.length() - "/count".length()) : path;
    }
  }
}
