package com.caisschool.safeguarding.modelchange;

import java.util.function.Consumer;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Rules form-resolves and decision-resolves: every form and decision table a model names exists
 * where its binding looks for it, so no task shows "Form failure" and no case stops at a missing
 * decision. {@code deployment}: in the same deployment; {@code latest} (Camunda's default): in it or
 * among the deployed ones; {@code version} / {@code versionTag}: that one deployed.
 */
final class ReferenceRules {

  private ReferenceRules() {}

  static void check(ModelFiles files, DeployedDefinitions deployed, Consumer<Violation> violations) {
    files.models().forEach((file, model) -> {
      checkForms(file, model, files, deployed, violations);
      checkDecisions(file, model, files, deployed, violations);
    });
  }

  private static void checkForms(String file, BpmnModelInstance model, ModelFiles files, DeployedDefinitions deployed,
      Consumer<Violation> violations) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() == null) {
        violations.accept(new Violation("user-task-form", file, task.getId(),
            "the user task has no Camunda Form (formRef): Tasklist would show it without a form"));
      } else {
        checkForm(file, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(),
            task.getCamundaFormRefVersion(), files, deployed, violations);
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        checkForm(file, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(),
            start.getCamundaFormRefVersion(), files, deployed, violations);
      }
    }
  }

  private static void checkForm(String file, FlowNode node, String formRef, String binding, String version,
      ModelFiles files, DeployedDefinitions deployed, Consumer<Violation> violations) {
    if (formRef.contains("${") || formRef.contains("#{")) {
      violations.accept(new Violation("form-resolves", file, node.getId(), "the form is named by an expression;"
          + " name it by its id so it can be checked"));
      return;
    }
    String how = binding == null ? "latest" : binding;
    boolean inDeployment = files.formsById().containsKey(formRef);
    boolean found = switch (how) {
      case "deployment" -> inDeployment;
      case "latest" -> inDeployment || deployed.hasForm(formRef, null);
      case "version" -> isNumber(version) && deployed.hasForm(formRef, Integer.valueOf(version));
      default -> false;
    };
    if (!found) {
      violations.accept(new Violation("form-resolves", file, node.getId(), "form '" + formRef + "' (binding "
          + how + ") " + where(how, version) + ". Deploy the model together with forms/" + formRef + ".form"));
    }
  }

  private static void checkDecisions(String file, BpmnModelInstance model, ModelFiles files,
      DeployedDefinitions deployed, Consumer<Violation> violations) {
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String key = task.getCamundaDecisionRef();
      if (key == null) {
        violations.accept(new Violation("decision-resolves", file, task.getId(),
            "the business rule task names no decision table (decisionRef)"));
        continue;
      }
      String how = task.getCamundaDecisionRefBinding() == null ? "latest" : task.getCamundaDecisionRefBinding();
      String version = task.getCamundaDecisionRefVersion();
      boolean found = !key.contains("${") && switch (how) {
        case "deployment" -> files.hasDecision(key);
        case "latest" -> files.hasDecision(key) || deployed.hasDecision(key, null, null);
        case "version" -> isNumber(version) && deployed.hasDecision(key, Integer.valueOf(version), null);
        case "versionTag" -> deployed.hasDecision(key, null, task.getCamundaDecisionRefVersionTag());
        default -> false;
      };
      if (!found) {
        violations.accept(new Violation("decision-resolves", file, task.getId(), "decision '" + key + "' (binding "
            + how + ") " + where(how, version) + ". Deploy the model together with the decision table that"
            + " defines it (processes/*.dmn)"));
      }
    }
  }

  private static String where(String binding, String version) {
    return switch (binding) {
      case "deployment" -> "is not in this deployment";
      case "version" -> "is not deployed in version " + version;
      case "versionTag" -> "is not deployed with that version tag";
      case "latest" -> "is neither in this deployment nor deployed";
      default -> "has a binding Camunda does not know";
    };
  }

  private static boolean isNumber(String text) {
    return text != null && text.matches("\\d+");
  }
}
