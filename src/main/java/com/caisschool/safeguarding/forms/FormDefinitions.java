package com.caisschool.safeguarding.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import com.caisschool.safeguarding.security.SystemAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * Reads the Camunda Forms deployed with a process ({@code forms/<id>.form}, file name = form id),
 * so that the rules a form states (required fields, allowed options) are enforced on the server
 * too, whoever submits: Tasklist, the REST API or a public page.
 */
public class FormDefinitions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final Map<String, List<FormField>> cache = new ConcurrentHashMap<>();

  public FormDefinitions(RepositoryService repositoryService, IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** The input fields of form {@code formId} deployed with {@code processDefinitionId}. */
  public List<FormField> fields(String processDefinitionId, String formId) {
    // The rules of the model itself: whoever fills the form needs no right to read deployments.
    return SystemAccess.run(identityService, () -> {
      String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
      return cache.computeIfAbsent(deploymentId + "/" + formId, key -> load(deploymentId, formId));
    });
  }

  /** The input fields of the process's start form (the start event that names a form), or none. */
  public List<FormField> startFormFields(String processDefinitionId) {
    String startForm = SystemAccess.run(identityService, () -> repositoryService
        .getBpmnModelInstance(processDefinitionId).getModelElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef).filter(Objects::nonNull).findFirst().orElse(null));
    return startForm == null ? List.of() : fields(processDefinitionId, startForm);
  }

  private List<FormField> load(String deploymentId, String formId) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName(deploymentId, formId))) {
      List<FormField> fields = new ArrayList<>();
      collect(JSON.readTree(in).path("components"), fields);
      return List.copyOf(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + formId + " cannot be read", e);
    }
  }

  /**
   * The form's file in the deployment: {@code forms/<id>.form} as the application deploys it, or
   * {@code <id>.form} as Camunda Modeler does (file name = form id).
   */
  private String resourceName(String deploymentId, String formId) {
    List<String> names = repositoryService.getDeploymentResourceNames(deploymentId);
    return names.stream().filter(name -> name.equals("forms/" + formId + ".form")).findFirst()
        .or(() -> names.stream().filter(name -> name.equals(formId + ".form") || name.endsWith("/" + formId + ".form"))
            .findFirst())
        .orElse("forms/" + formId + ".form");
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
