package com.caisschool.safeguarding.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Reads the Camunda Forms deployed with a process ({@code forms/<id>.form}, file name = form id),
 * so that the rules a form states (required fields, allowed options) are enforced on the server
 * too, whoever submits: Tasklist, the REST API or a public page.
 */
public class FormDefinitions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;
  private final Map<String, List<FormField>> cache = new ConcurrentHashMap<>();

  public FormDefinitions(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The input fields of form {@code formId} deployed with {@code processDefinitionId}. */
  public List<FormField> fields(String processDefinitionId, String formId) {
    ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
    String deploymentId = definition.getDeploymentId();
    return cache.computeIfAbsent(deploymentId + "/" + formId, key -> load(deploymentId, formId));
  }

  private List<FormField> load(String deploymentId, String formId) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, "forms/" + formId + ".form")) {
      List<FormField> fields = new ArrayList<>();
      collect(JSON.readTree(in).path("components"), fields);
      return List.copyOf(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + formId + " cannot be read", e);
    }
  }

  private static void collect(JsonNode components, List<FormField> into) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), into);
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      List<String> options = new ArrayList<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      into.add(new FormField(component.path("key").asText(),
          component.path("label").asText(component.path("key").asText()),
          component.path("type").asText(),
          component.path("validate").path("required").asBoolean(false),
          component.has("conditional"),
          List.copyOf(options)));
    }
  }
}
