package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.notification.AlertReference;
import com.caisschool.safeguarding.overview.OverviewItem;
import com.caisschool.safeguarding.overview.OverviewSection;
import com.caisschool.safeguarding.security.SystemAccess;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The standing duties on the overview (safeguarding.duties.overview): each running duty with its
 * next date, the open steps, what is overdue and who has still to act; a duty with nothing running
 * is shown as "not scheduled" (or, for a yearly duty, the day its timer starts it), so a forgotten
 * duty is visible.
 */
@Component
class DutyOverview implements OverviewSection {

  /** The variables that hold a duty's next date, in the order they are looked for. */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private static final List<String> DATE_VARIABLES = List.of("reviewDate", "expiresOn", "startDate",
      "departureDate", "meetingDate", "confirmBy");

  private final DutiesProperties duties;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identities;
  private final ManagementService management;
  private final ZoneId schoolTimeZone;

  DutyOverview(DutiesProperties duties, RuntimeService runtime, TaskService tasks, RepositoryService repository,
      IdentityService identities, ManagementService management, SafeguardingProperties school) {
    this.management = management;
    this.schoolTimeZone = school.schoolTimeZone();
    this.duties = duties;
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
    this.identities = identities;
  }

  @Override
  public String title() {
    return "Standing duties";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public List<OverviewItem> items() {
    return SystemAccess.run(identities, () -> {
      List<OverviewItem> items = new ArrayList<>();
      for (String processKey : duties.overview()) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
            .orderByProcessInstanceId().asc().list();
        if (running.isEmpty()) {
          Date starts = nextTimerStart(processKey);
          items.add(starts == null
              ? new OverviewItem(name(processKey), "", "Not scheduled: start it in Tasklist", List.of(), List.of())
              : new OverviewItem(name(processKey), DAY.format(starts.toInstant().atZone(schoolTimeZone)),
                  "Starts by itself", List.of(), List.of()));
        }
        running.forEach(instance -> items.add(item(instance)));
      }
      return items;
    });
  }

  private OverviewItem item(ProcessInstance instance) {
    Object reference = runtime.getVariable(instance.getId(), AlertReference.VARIABLE);
    String nextDate = DATE_VARIABLES.stream().map(name -> runtime.getVariable(instance.getId(), name))
        .filter(Objects::nonNull).map(Object::toString).findFirst().orElse("");
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).orderByTaskName().asc().list();
    Date now = ClockUtil.getCurrentTime();
    String status = open.isEmpty() ? "Scheduled, waiting for its date"
        : open.stream().map(Task::getName).distinct().reduce((a, b) -> a + "; " + b).orElse("");
    List<String> overdue = open.stream().filter(task -> task.getDueDate() != null && task.getDueDate().before(now))
        .map(task -> task.getName() + (task.getAssignee() == null ? "" : " (" + task.getAssignee() + ")")).toList();
    List<String> waitingFor = open.stream().map(Task::getAssignee).filter(Objects::nonNull).distinct().sorted().toList();
    return new OverviewItem(reference == null ? name(instance.getProcessDefinitionId().split(":")[0]) : reference.toString(),
        nextDate, status, overdue, waitingFor);
  }

  /** When a yearly duty's timer start event next fires (the job of its latest version), or null. */
  private Date nextTimerStart(String processKey) {
    return management.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null).map(Job::getDuedate).min(Date::compareTo).orElse(null);
  }

  private String name(String processKey) {
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult();
    return definition == null ? processKey : definition.getName();
  }
}
