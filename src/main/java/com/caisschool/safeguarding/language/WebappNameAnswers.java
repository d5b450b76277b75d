package com.caisschool.safeguarding.language;

import com.caisschool.safeguarding.rest.RequestWithBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' API answers about process definitions, tasks and filters ({@code /camunda/api/engine/})
 * carry the names in the reader's language and each candidate group by its readable name
 * ({@link WebappNames}); a task or filter the webapps send back gets its English names again.
 * The values on the card readers' task cards follow the reader's language too ({@link CardValues}),
 * and so does the search for a process to start ({@link ProcessNameSearch}).
 * The REST API ({@code /engine-rest}) and the engine keep the English names and values.
 */
class WebappNameAnswers extends OncePerRequestFilter {

  /** The resources whose answers carry names a person reads in Tasklist or Cockpit. */
  private static final Pattern NAMED = Pattern.compile("/camunda/api/engine/engine/[^/]+/(process-definition|task|filter)(/.*)?");
  /** An update of one task or filter, which carries its names back. */
  private static final Pattern UPDATE = Pattern.compile("/camunda/api/engine/engine/[^/]+/(task|filter)/[^/]+");

  private final ObjectMapper json = new ObjectMapper();
  private final WebappNames names;
  private final CardValues cardValues;
  private final ProcessNameSearch searches;
  private final UserLanguages languages;

  WebappNameAnswers(WebappNames names, CardValues cardValues, ProcessNameSearch searches, UserLanguages languages) {
    this.names = names;
    this.cardValues = cardValues;
    this.searches = searches;
    this.languages = languages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !NAMED.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    StaffLanguage language = languages.forRequest(request);
    HttpServletRequest sent = searches.byKeys(request, path(request), language);
    if ("PUT".equals(request.getMethod()) && UPDATE.matcher(path(request)).matches()) {
      sent = inEnglish(request, language);
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(sent, answer);
    String type = answer.getContentType();
    if (answer.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json")
        && answer.getContentSize() > 0) {
      JsonNode body = json.readTree(answer.getContentAsByteArray());
      names.translateAnswer(body, language);
      cardValues.translateAnswer(body, language);
      answer.resetBuffer();
      answer.getOutputStream().write(json.writeValueAsBytes(body));
    }
    answer.copyBodyToResponse();
  }

  private HttpServletRequest inEnglish(HttpServletRequest request, StaffLanguage language) throws IOException {
    byte[] sent = request.getInputStream().readAllBytes();
    byte[] english = sent;
    if (sent.length > 0) {
      try {
        JsonNode update = json.readTree(sent);
        names.untranslateUpdate(update, language);
        english = json.writeValueAsBytes(update);
      } catch (IOException notJson) {
        // The engine answers it with its own 400.
      }
    }
    return new RequestWithBody(request, english);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
