package com.caisschool.safeguarding.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * so that the rules a form states are enforced on the server too ({@link FormContract}), whoever
 * submits: Tasklist, the REST API or a public page.
 */
public class FormDefinitions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final Map<String, List<FormField>> cache = new ConcurrentHashMap<>();
  /**
   * The deployment of each process definition asked about: a definition never moves to another
   * deployment, so it is asked of the engine once, not in a command of its own at each of the
   * several form lookups of every step (issue 25).
   */
  private final Map<String, String> deploymentOfDefinition = new ConcurrentHashMap<>();
  /** The start form of each process definition asked about (a deployed model never changes); "" for none. */
  private final Map<String, String> startFormOfDefinition = new ConcurrentHashMap<>();

  public FormDefinitions(RepositoryService repositoryService, IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** The input fields of form {@code formId} deployed with {@code processDefinitionId}. */
  public List<FormField> fields(String processDefinitionId, String formId) {
    String deploymentId = deploymentOf(processDefinitionId);
    List<FormField> known = cache.get(deploymentId + "/" + formId);
    if (known != null) {
      return known;
    }
    // The rules of the model itself: whoever fills the form needs no right to read deployments.
    return SystemAccess.run(identityService,
        () -> cache.computeIfAbsent(deploymentId + "/" + formId, key -> load(deploymentId, formId)));
  }

  /** The input fields of the process's start form (the start event that names a form), or none. */
  public List<FormField> startFormFields(String processDefinitionId) {
    String startForm = startFormOfDefinition.computeIfAbsent(processDefinitionId, id -> SystemAccess.run(
        identityService, () -> repositoryService.getBpmnModelInstance(id).getModelElementsByType(StartEvent.class)
            .stream().map(StartEvent::getCamundaFormRef).filter(Objects::nonNull).findFirst().orElse("")));
    return startForm.isEmpty() ? List.of() : fields(processDefinitionId, startForm);
  }

  private String deploymentOf(String processDefinitionId) {
    String known = deploymentOfDefinition.get(processDefinitionId);
    if (known != null) {
      return known;
    }
    String deploymentId = SystemAccess.run(identityService,
        () -> repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId());
    deploymentOfDefinition.put(processDefinitionId, deploymentId);
    return deploymentId;
  }

  private List<FormField> load(String deploymentId, String formId) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName(deploymentId, formId))) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + formId + " cannot be read", e);
    }
  }

  /** The input fields of a Camunda Form (its JSON), in the order the form shows them. */
  public static List<FormField> parse(InputStream form) throws IOException {
    List<FormField> fields = new ArrayList<>();
    collect(JSON.readTree(form).path("components"), fields);
    return List.copyOf(fields);
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
      // A disabled field only shows what the case holds (what people wrote, as plain text): Tasklist
      // never sends it back, so it is no input of the form and cannot be submitted.
      if (!component.hasNonNull("key") || component.path("disabled").asBoolean(false)) {
        continue;
      }
      List<String> options = new ArrayList<>();
      Map<String, String> optionLabels = new LinkedHashMap<>();
      component.path("values").forEach(option -> {
        options.add(option.path("value").asText());
        optionLabels.put(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
      });
      JsonNode validate = component.path("validate");
      String key = component.path("key").asText();
      into.add(new FormField(key, component.path("label").asText(key), component.path("type").asText(),
          validate.path("required").asBoolean(false), text(component.path("conditional").path("hide")),
          List.copyOf(options), text(component.path("valuesKey")),
          new FormField.Limits(number(validate.path("min")), number(validate.path("max")),
              whole(validate.path("minLength")), whole(validate.path("maxLength")), text(validate.path("pattern"))),
          text(component.path("subtype")), component.path("readonly").asBoolean(false),
          Collections.unmodifiableMap(optionLabels)));
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }

  private static Double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : null;
  }

  private static Integer whole(JsonNode node) {
    return node.isNumber() ? node.asInt() : null;
  }
}
