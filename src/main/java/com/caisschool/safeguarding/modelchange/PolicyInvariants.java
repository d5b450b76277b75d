package com.caisschool.safeguarding.modelchange;

import com.caisschool.safeguarding.caseprocess.CaseDeclaration;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The policy's guarantees a changed model must keep (docs/model-rules.md), checked with the BPMN
 * Model API on every model of a deployment: every process keeps its history and names the policy
 * version it implements; the case processes stay case processes; every user task has a due date and
 * a candidate group; every decision task's form requires the decision's reason; and in the concern
 * process, the CPO's triage has a deadline that escalates to the deputy, and the Case Study Team's
 * decision leads to the four courses of action.
 */
final class PolicyInvariants {

  static final String CONCERN_PROCESS = "safeguarding-concern";
  static final String CPO_TRIAGE = "user_task_cpo_triage";
  static final String CASE_STUDY_TEAM = "user_task_case_study_team";

  private final ModelRulesProperties rules;

  PolicyInvariants(ModelRulesProperties rules) {
    this.rules = rules;
  }

  void check(ModelFiles files, Consumer<Violation> violations) {
    files.models().forEach((file, model) -> {
      for (Process process : model.getModelElementsByType(Process.class)) {
        checkProcess(file, process, violations);
        if (CONCERN_PROCESS.equals(process.getId())) {
          checkTriageEscalates(file, model, violations);
          checkCaseStudyTeamCourses(file, model, violations);
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkUserTask(file, task, files, violations);
      }
    });
  }

  private void checkProcess(String file, Process process, Consumer<Violation> violations) {
    if (blank(process.getCamundaHistoryTimeToLiveString())) {
      violations.accept(new Violation("history-kept", file, process.getId(),
          "the process has no history time to live (camunda:historyTimeToLive)"));
    }
    if (blank(process.getCamundaVersionTag())) {
      violations.accept(new Violation("version-tag", file, process.getId(), "the process does not name the policy"
          + " version it implements (Version tag, camunda:versionTag)"));
    }
    if (rules.caseProcessDefinitionKeys().contains(process.getId()) && !CaseDeclaration.isCase(process)) {
      violations.accept(new Violation("case-process", file, process.getId(), "the process must stay a case"
          + " process (extension property case = true), or its cases get no case file"));
    }
  }

  private void checkUserTask(String file, UserTask task, ModelFiles files, Consumer<Violation> violations) {
    if (blank(task.getCamundaDueDate())) {
      violations.accept(new Violation("user-task-due-date", file, task.getId(), "the user task has no due date"));
    }
    if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee())) {
      violations.accept(new Violation("user-task-role", file, task.getId(),
          "the user task is offered to no role (candidate groups)"));
    }
    JsonNode form = task.getCamundaFormRef() == null ? null : files.formsById().get(task.getCamundaFormRef());
    if (form == null) {
      return; // not in this deployment: it was checked when it was deployed
    }
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    List<String> decisions = fields.stream().map(f -> f.path("key").asText())
        .filter(key -> rules.decisionFields().contains(key) || rules.decisionFieldSuffixes().stream().anyMatch(key::endsWith))
        .toList();
    // A reason asked only under a condition (a correction's reason) is not the decision's reason.
    boolean reasonRequired = fields.stream().anyMatch(f -> f.path("validate").path("required").asBoolean(false)
        && f.path("conditional").path("hide").isMissingNode()
        && rules.reasonFieldSuffixes().stream().anyMatch(f.path("key").asText()::endsWith));
    if (!decisions.isEmpty() && !reasonRequired) {
      violations.accept(new Violation("decision-reason", file, task.getId(), "form '" + task.getCamundaFormRef()
          + "' records the decision " + decisions + " but requires no reason (a required field ending in "
          + rules.reasonFieldSuffixes() + ")"));
    }
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        into.add(component);
      }
      collect(component.path("components"), into);
    }
  }

  /** The CPO triages with a deadline; when it passes, a timer leads to the deputy's triage. */
  private void checkTriageEscalates(String file, BpmnModelInstance model, Consumer<Violation> violations) {
    if (!(model.getModelElementById(CPO_TRIAGE) instanceof UserTask triage) || !groups(triage).contains("cpo")) {
      violations.accept(new Violation("triage-escalates", file, CPO_TRIAGE, "the concern process must keep the"
          + " CPO's triage: a user task with this id offered to the cpo role"));
      return;
    }
    boolean escalates = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> triage.equals(event.getAttachedTo()))
        .filter(event -> event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
        .anyMatch(timer -> reachable(timer).stream().anyMatch(node -> node instanceof UserTask task
            && groups(task).contains("dcpo")));
    if (!escalates) {
      violations.accept(new Violation("triage-escalates", file, CPO_TRIAGE, "the CPO's triage must have a"
          + " deadline timer that leads to a triage task of the deputy (dcpo)"));
    }
  }

  /** The Case Study Team decides, and its decision leads to each of the four courses of action. */
  private void checkCaseStudyTeamCourses(String file, BpmnModelInstance model, Consumer<Violation> violations) {
    if (!(model.getModelElementById(CASE_STUDY_TEAM) instanceof UserTask team)
        || !groups(team).contains("case-study-team")) {
      violations.accept(new Violation("case-study-team-courses", file, CASE_STUDY_TEAM, "the concern process"
          + " must keep the Case Study Team's decision: a user task with this id offered to case-study-team"));
      return;
    }
    Set<String> led = new HashSet<>();
    for (SequenceFlow out : team.getOutgoing()) {
      if (out.getTarget() instanceof ExclusiveGateway gateway) {
        for (SequenceFlow branch : gateway.getOutgoing()) {
          ConditionExpression condition = branch.getConditionExpression();
          String text = condition == null ? "" : condition.getTextContent();
          rules.caseStudyTeamCourses().stream().filter(course -> text.contains("'" + course + "'")).forEach(led::add);
        }
      }
    }
    List<String> missing = rules.caseStudyTeamCourses().stream().filter(course -> !led.contains(course)).toList();
    if (!missing.isEmpty()) {
      violations.accept(new Violation("case-study-team-courses", file, CASE_STUDY_TEAM, "the team's decision must"
          + " lead through a gateway to each course of action; missing: " + missing));
    }
  }

  private static Set<FlowNode> reachable(FlowNode from) {
    Set<FlowNode> seen = new HashSet<>();
    Deque<FlowNode> next = new ArrayDeque<>(List.of(from));
    while (!next.isEmpty()) {
      for (SequenceFlow flow : next.pop().getOutgoing()) {
        if (seen.add(flow.getTarget())) {
          next.push(flow.getTarget());
        }
      }
    }
    return seen;
  }

  private static List<String> groups(UserTask task) {
    return task.getCamundaCandidateGroups() == null ? List.of()
        : Arrays.stream(task.getCamundaCandidateGroups().split(",")).map(String::trim).toList();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
