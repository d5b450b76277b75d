package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user task of every model in processes/, read from the real files: its deadline as the
 * task's due date (the same expression as its deadline timer, when it has one, so the deadline is
 * held in one place), a follow-up date for the reminder, a priority, and a description that names
 * the case reference and says what to do, never the child.
 */
class UserTaskDatesTest {

  record Task(String model, UserTask task) {
    @Override
    public String toString() {
      return model + "#" + task.getId();
    }
  }

  static Stream<Task> userTasks() {
    return ModelRulesTest.models().flatMap(file -> Bpmn.readModelFromFile(file)
        .getModelElementsByType(UserTask.class).stream().map(task -> new Task(file.getName(), task)));
  }

  @Test
  void theModelsHaveUserTasksToCheck() {
    assertThat(userTasks().count()).isGreaterThan(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userTasks")
  void everyUserTaskHasItsDeadlineFollowUpPriorityAndDescription(Task t) {
    UserTask task = t.task();
    // A deadline the policy states in working days is counted on the school calendar: workingDays.after.
    assertThat(task.getCamundaDueDate()).as(t + " due date").matches("\\$\\{[A-Za-z]+\\}|\\$\\{workingDays\\.after\\([A-Za-z]+\\)\\}");
    assertThat(task.getCamundaFollowUpDate()).as(t + " follow-up date")
        .matches("\\$\\{(taskDates|workingDays)\\.halfway\\([A-Za-z]+\\)\\}|\\$\\{[A-Za-z]+Reminder\\}"
            + "|\\$\\{workingDays\\.after\\([A-Za-z]+Reminder\\)\\}");
    if (task.getCamundaDueDate().startsWith("${workingDays")) {
      // Due date and reminder counted alike: both on the school calendar.
      assertThat(task.getCamundaFollowUpDate()).as(t + " follow-up date").startsWith("${workingDays");
    }
    assertThat(task.getCamundaPriority()).as(t + " priority").isNotBlank();
    if (!task.getCamundaPriority().contains("${")) {
      assertThat(Integer.parseInt(task.getCamundaPriority())).as(t + " priority").isBetween(0, 100);
    }
    String description = documentation(task);
    // A standing duty (policy review, training) is not a case: it names its duty reference instead.
    String reference = description.startsWith("Duty ") ? "dutyReference" : "caseReference";
    assertThat(description).as(t + " description")
        .startsWith(reference.equals("dutyReference") ? "Duty ${dutyReference}: " : "Case ${caseReference}: ");
    assertThat(description.length()).as(t + " says what to do").isGreaterThan(40);
    // The only value filled into the description is the reference; the name is fixed text.
    assertThat(java.util.regex.Pattern.compile("[$#]\\{([^}]*)}").matcher(description).results()
        .map(match -> match.group(1))).as(t + " shows only the reference").containsOnly(reference);
    assertThat(task.getName()).as(t + " name").doesNotContain("${").doesNotContain("#{");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userTasks")
  void aTaskWithADeadlineTimerIsDueWhenTheTimerFires(Task t) {
    List<String> timers = timerDurations(t.task());
    if (timers.isEmpty()) {
      // No timer of its own: the configured deadline for urgent tasks (priority 80 and more) or the others.
      assertThat(t.task().getCamundaDueDate()).as(t.toString()).isIn("${urgentTaskDeadline}", "${taskDeadline}");
      boolean urgent = !t.task().getCamundaPriority().contains("${")
          && Integer.parseInt(t.task().getCamundaPriority()) >= 90;
      if (urgent) {
        assertThat(t.task().getCamundaDueDate()).as(t + " is urgent").isEqualTo("${urgentTaskDeadline}");
      }
    } else {
      assertThat(timers).as(t + " due date is one of its timers").contains(t.task().getCamundaDueDate());
      String followUp = t.task().getCamundaFollowUpDate();
      if (!followUp.contains(".halfway(")) {
        assertThat(timers).as(t + " reminder is one of its timers").contains(followUp);
      }
    }
  }

  /** flows.md states these in working days (sections 1.4, 2.6, 2.7): counted on the school calendar. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"caseStudyTeamDeadline", "furtherDiscoveryDeadline",
      "furtherDiscoveryEscalation", "investigationReportReminder", "investigationReportDeadline", "accusedFeedbackDeadline"})
  void theDeadlinesThePolicyStatesInWorkingDaysAreCountedOnTheSchoolCalendar(String deadline) throws Exception {
    List<String> texts = new ArrayList<>();
    for (java.io.File file : ModelRulesTest.models().toList()) {
      texts.add(java.nio.file.Files.readString(file.toPath()));
    }
    assertThat(texts).as(deadline + " is used").anyMatch(text -> text.contains("${workingDays.after(" + deadline + ")}"));
    assertThat(texts).as(deadline + " is never counted in calendar days")
        .noneMatch(text -> text.contains("${" + deadline + "}") || text.contains("taskDates.halfway(" + deadline + ")"));
  }

  @Test
  void everyDeadlineVariableIsConfiguredForItsProcess() {
    Map<String, Map<String, String>> defaults =
        com.caisschool.safeguarding.testing.ProcessTestDelegates.applicationProperties().processDefaults();
    ModelRulesTest.models().forEach(file -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      String processKey = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .iterator().next().getId();
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String variable = task.getCamundaDueDate().replaceAll("[${}]|workingDays\\.after\\(|\\)", "");
        if (!variable.equals("triageDeadline")) {  // triage deadlines come from processes/concern-triage.dmn
          assertThat(defaults.get(processKey)).as(processKey + " " + task.getId()).containsKey(variable);
        }
      }
    });
  }

  private static String documentation(UserTask task) {
    return task.getDocumentations().stream().map(Documentation::getTextContent).collect(Collectors.joining(" "));
  }

  private static List<String> timerDurations(UserTask task) {
    List<String> durations = new ArrayList<>();
    for (BoundaryEvent event : task.getModelInstance().getModelElementsByType(BoundaryEvent.class)) {
      if (event.getAttachedTo() != null && event.getAttachedTo().getId().equals(task.getId())) {
        event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
            .map(TimerEventDefinition.class::cast)
            .filter(timer -> timer.getTimeDuration() != null)
            .forEach(timer -> durations.add(timer.getTimeDuration().getTextContent().trim()));
      }
    }
    return durations;
  }
}
