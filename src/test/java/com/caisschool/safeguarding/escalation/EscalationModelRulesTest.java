package com.caisschool.safeguarding.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import java.io.File;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The escalation rules every model in processes/ keeps, checked on the files an administrator
 * edits: every user task has a due date and is escalated when it passes, either by the escalation
 * every task gets, or by the model's own timer leading to an {@code ${escalate}} step or to someone
 * else's task, or it is on the short list of exempt tasks with its reason; and no escalation goes
 * to the roles that hold the task.
 */
class EscalationModelRulesTest {

  private static final String ESCALATE = "${escalate}";
  private static final EscalationRules RULES = ProcessTestDelegates.applicationProperties().escalation();

  static Stream<File> models() {
    return Arrays.stream(new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyUserTaskHasADueDateAndAnEscalationOrAnExemptionWithItsReason(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    String processKey = processKey(model);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isNotBlank();
      List<BoundaryEvent> timers = drawnTimers(task);
      if (RULES.isExempt(processKey, task.getId())) {
        assertThat(RULES.exempt().get(processKey + ":" + task.getId())).as("reason").isNotBlank();
      } else if (!timers.isEmpty()) {
        assertThat(timers).as(task.getId() + ": its own timer must escalate (${escalate} naming it, or another"
            + " person's task)").anyMatch(timer -> escalates(timer, task));
      }
      // Otherwise the task gets the escalation every task gets at its due date (LateTaskEscalationTest).
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void noEscalationGoesToTheRolesThatHoldTheTask(File file) {
    for (UserTask task : Bpmn.readModelFromFile(file).getModelElementsByType(UserTask.class)) {
      Set<String> holders = new HashSet<>();
      for (String group : task.getCamundaCandidateGroups().split(",")) {
        if (!group.contains("${")) {
          holders.add(group.trim());
        }
      }
      holders.forEach(holder -> assertThat(RULES.toldWhenLate()).as("escalation table entry for " + holder)
          .containsKey(holder));
      if (!holders.isEmpty()) {
        assertThat(RULES.toldWhenLate(holders)).as(task.getId()).isNotEmpty().doesNotContainAnyElementsOf(holders);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyEscalateStepNamesAUserTaskOfItsModel(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    for (FlowNode step : model.getModelElementsByType(FlowNode.class)) {
      if (isEscalateStep(step)) {
        Object named = model.getModelElementById(lateTask(step));
        assertThat(named).as(step.getId() + " lateTask").isInstanceOf(UserTask.class);
      }
    }
  }

  @Test
  void theExemptListIsShortAndNamesTasksThatExist() {
    Set<String> tasks = new HashSet<>();
    models().map(Bpmn::readModelFromFile).forEach(model -> model.getModelElementsByType(UserTask.class)
        .forEach(task -> tasks.add(processKey(model) + ":" + task.getId())));
    assertThat(RULES.exempt()).hasSizeLessThanOrEqualTo(5);
    assertThat(tasks).containsAll(RULES.exempt().keySet());
  }

  @Test
  void theTableNeverTellsARoleAboutItsOwnLateTask() {
    for (Map.Entry<String, List<String>> entry : RULES.toldWhenLate().entrySet()) {
      assertThat(entry.getValue()).as(entry.getKey()).isNotEmpty().doesNotContain(entry.getKey());
    }
  }

  private static List<BoundaryEvent> drawnTimers(UserTask task) {
    return task.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() == task)
        .filter(event -> event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
        .toList();
  }

  /** Following the timer's flows: an {@code ${escalate}} step naming the task, or another user task. */
  private static boolean escalates(BoundaryEvent timer, UserTask task) {
    Deque<FlowNode> next = new ArrayDeque<>(List.of(timer));
    Set<FlowNode> seen = new HashSet<>();
    while (!next.isEmpty()) {
      FlowNode node = next.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof UserTask other && other != task) {
        return true;
      }
      if (isEscalateStep(node) && task.getId().equals(lateTask(node))) {
        return true;
      }
      node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::push);
    }
    return false;
  }

  /** A step calling {@code ${escalate}}: a service task, or an alert drawn as a message throw or end event. */
  private static boolean isEscalateStep(FlowNode node) {
    if (node instanceof ServiceTask task) {
      return ESCALATE.equals(task.getCamundaDelegateExpression());
    }
    return node instanceof ThrowEvent event && event.getEventDefinitions().stream()
        .filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
        .anyMatch(message -> ESCALATE.equals(message.getCamundaDelegateExpression()));
  }

  private static String lateTask(FlowNode step) {
    if (step.getExtensionElements() == null) {
      return null;
    }
    return step.getExtensionElements().getElementsQuery().list().stream()
        .flatMap(element -> element.getDomElement().getChildElements().stream())
        .filter(child -> "inputParameter".equals(child.getLocalName()) && "lateTask".equals(child.getAttribute("name")))
        .map(child -> child.getTextContent().trim()).findFirst().orElse(null);
  }

  private static String processKey(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).iterator().next().getId();
  }
}
