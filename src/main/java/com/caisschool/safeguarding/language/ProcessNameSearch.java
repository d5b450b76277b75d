package com.caisschool.safeguarding.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tasklist's search for a process to start (its start dialog asks the webapps' API for
 * {@code nameLike=%…%}, list and count) in the reader's language. The engine knows the English
 * names only, so a part of a translated name would find nothing there: the search is sent on as
 * the keys of the processes whose name, in the reader's language or in English, contains what was
 * typed ({@code keysIn}). The engine's own checks still decide which of them the reader may see
 * and start. An English reader's search, and one that no name contains, goes on as it came.
 */
final class ProcessNameSearch {

  private static final Pattern PROCESS_DEFINITIONS =
      Pattern.compile("/camunda/api/engine/engine/[^/]+/process-definition(/count)?");
  private static final String NAME_LIKE = "nameLike";

  private final WebappNames names;
  private final ObjectProvider<ProcessEngine> engine;

  ProcessNameSearch(WebappNames names, ObjectProvider<ProcessEngine> engine) {
    this.names = names;
    this.engine = engine;
  }

  /** The request, or a copy searching by the keys of the processes whose name contains what was typed. */
  HttpServletRequest byKeys(HttpServletRequest request, String path, StaffLanguage language) {
    String nameLike = request.getParameter(NAME_LIKE);
    if (language == StaffLanguage.ENGLISH || nameLike == null || !"GET".equals(request.getMethod())
        || !PROCESS_DEFINITIONS.matcher(path).matches()) {
      return request;
    }
    String typed = lowerCase(nameLike.replaceAll("^%|%$", ""));
    if (typed.isBlank()) {
      return request;
    }
    List<String> keys = engine.getObject().getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .list().stream()
        .filter(definition -> definition.getName() != null && (lowerCase(definition.getName()).contains(typed)
            || lowerCase(names.name(definition.getName(), language)).contains(typed)))
        .map(ProcessDefinition::getKey).distinct().toList();
    if (keys.isEmpty()) {
      return request;
    }
    Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
    parameters.remove(NAME_LIKE);
    parameters.put("keysIn", new String[] {String.join(",", keys)});
    return new WithParameters(request, parameters);
  }

  private static String lowerCase(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** A GET request passed on with other query parameters (Camunda's REST API reads the query string). */
  private static final class WithParameters extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    WithParameters(HttpServletRequest request, Map<String, String[]> parameters) {
      super(request);
      this.parameters = Collections.unmodifiableMap(parameters);
    }

    @Override
    public String getQueryString() {
      return parameters.entrySet().stream()
          .flatMap(entry -> Arrays.stream(entry.getValue()).map(value -> encoded(entry.getKey()) + "=" + encoded(value)))
          .collect(Collectors.joining("&"));
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }

    private static String encoded(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
  }
}
