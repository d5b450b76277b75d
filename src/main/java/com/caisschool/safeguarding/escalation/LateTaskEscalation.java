package com.caisschool.safeguarding.escalation;

import com.caisschool.safeguarding.notification.AlertReference;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Tells the roles of the escalation table that a task is late ({@code ${escalate}}). Called two
 * ways: as the timeout listener every user task gets at its due date
 * ({@link DeadlineEscalationParse}), and by an alert step a model draws after its own timer, which
 * names the late task in its input parameter {@code lateTask}. Either way the roles holding the task
 * are left out: they are the ones who are late.
 */
public class LateTaskEscalation implements TaskListener, JavaDelegate {

  /** The kind of alert (its title and text are in {@code safeguarding.notifications.kinds}). */
  static final String KIND = "task-overdue";
  /** Holds a task given to one person without a role: they are treated as a member of staff. */
  static final String ONE_PERSON_ROLE = "staff";

  private final Notifier notifier;
  private final EscalationRules rules;

  public LateTaskEscalation(Notifier notifier, EscalationRules rules) {
    this.notifier = notifier;
    this.rules = rules;
  }

  /** The task's due date has passed while it is still open. */
  @Override
  public void notify(DelegateTask task) {
    Set<String> holders = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        holders.add(link.getGroupId());
      }
    }
    send(task.getExecution(), task.getTaskDefinitionKey(), holders, KIND);
  }

  /**
   * A model's own "overdue" step: {@code lateTask} names the task whose timer fired, and
   * {@code notificationKind}, when given, the kind of alert.
   */
  @Override
  public void execute(DelegateExecution execution) {
    String lateTask = (String) execution.getVariableLocal("lateTask");
    Object kind = execution.getVariableLocal("notificationKind");
    if (lateTask == null) {
      throw new IllegalStateException(execution.getCurrentActivityId()
          + " calls ${escalate} without the input parameter lateTask");
    }
    send(execution, lateTask, candidateGroups(execution, lateTask), kind == null ? KIND : kind.toString());
  }

  private void send(DelegateExecution execution, String lateTask, Set<String> holders, String kind) {
    if (holders.isEmpty()) {
      holders = Set.of(ONE_PERSON_ROLE);
    }
    List<String> told = rules.toldWhenLate(holders);
    notifier.send(new Notification(AlertReference.of(execution), kind, told,
        execution.getProcessInstanceId(), lateTask));
  }

  /** The groups the model gives the task, its expressions evaluated for this case. */
  private static Set<String> candidateGroups(DelegateExecution execution, String taskId) {
    ActivityImpl activity = ((ExecutionEntity) execution).getProcessDefinition().findActivity(taskId);
    if (activity == null || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
      throw new IllegalStateException("lateTask " + taskId + " is not a user task of this model");
    }
    Set<String> groups = new LinkedHashSet<>();
    for (Expression expression : userTask.getTaskDefinition().getCandidateGroupIdExpressions()) {
      Object value = expression.getValue(execution);
      if (value != null) {
        Arrays.stream(value.toString().split(",")).map(String::trim).filter(group -> !group.isEmpty())
            .forEach(groups::add);
      }
    }
    return groups;
  }
}
