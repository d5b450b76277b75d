package com.caisschool.safeguarding.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * A form's fields are looked up several times in every step of a case (the form check, the
 * chronology entry, the next task's card): the engine is asked for a process definition's
 * deployment and start form once per definition, not in a command of its own at each lookup
 * (issue 25), and each form is still read once per deployment.
 */
class FormDefinitionsLookupTest {

  private static final String FORM = """
      {"components": [{"key": "decision", "label": "Decision", "type": "textfield",
        "validate": {"required": true}}]}
      """;

  private final List<String> asked = new ArrayList<>();

  @Test
  void theDeploymentOfADefinitionIsAskedOnceAndEachFormReadOncePerDeployment() {
    FormDefinitions forms = new FormDefinitions(repository(), identities());

    for (int step = 0; step < 3; step++) {
      assertThat(forms.fields("concern:1:a", "triage")).extracting(FormField::key).containsExactly("decision");
      assertThat(forms.fields("concern:1:a", "sign-off")).extracting(FormField::key).containsExactly("decision");
    }
    forms.fields("concern:2:b", "triage"); // another deployment: its own forms
    forms.fields("concern:2:b", "triage");

    assertThat(asked).containsExactly("getProcessDefinition concern:1:a", "getDeploymentResourceNames",
        "getResourceAsStream forms/triage.form", "getDeploymentResourceNames", "getResourceAsStream forms/sign-off.form",
        "getProcessDefinition concern:2:b", "getDeploymentResourceNames", "getResourceAsStream forms/triage.form");
  }

  @Test
  void theStartFormOfADefinitionIsFoundInItsModelOnce() {
    FormDefinitions forms = new FormDefinitions(repository(), identities());

    forms.startFormFields("concern:1:a");
    forms.startFormFields("concern:1:a");

    assertThat(asked).filteredOn(call -> call.startsWith("getBpmnModelInstance"))
        .containsExactly("getBpmnModelInstance concern:1:a");
    assertThat(forms.startFormFields("concern:1:a")).extracting(FormField::key).containsExactly("decision");
  }

  /** The engine's repository, answering what a deployed model would and recording each question. */
  private RepositoryService repository() {
    return (RepositoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {RepositoryService.class}, (proxy, method, arguments) -> switch (method.getName()) {
          case "getProcessDefinition" -> {
            asked.add("getProcessDefinition " + arguments[0]);
            String deploymentId = ((String) arguments[0]).endsWith(":a") ? "deployment-a" : "deployment-b";
            yield Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ProcessDefinition.class},
                (definition, getter, none) -> getter.getName().equals("getDeploymentId") ? deploymentId : null);
          }
          case "getDeploymentResourceNames" -> {
            asked.add("getDeploymentResourceNames");
            yield List.of("forms/triage.form", "forms/sign-off.form", "forms/report.form");
          }
          case "getResourceAsStream" -> {
            asked.add("getResourceAsStream " + arguments[1]);
            yield new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8));
          }
          case "getBpmnModelInstance" -> {
            asked.add("getBpmnModelInstance " + arguments[0]);
            yield Bpmn.createExecutableProcess("concern").startEvent().camundaFormRef("report").endEvent().done();
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  /** No one signed in: the lookups run as the system. */
  private static IdentityService identities() {
    return (IdentityService) Proxy.newProxyInstance(FormDefinitionsLookupTest.class.getClassLoader(),
        new Class<?>[] {IdentityService.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("getCurrentAuthentication")) {
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
