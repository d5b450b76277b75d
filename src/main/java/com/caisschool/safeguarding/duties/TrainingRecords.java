package com.caisschool.safeguarding.duties;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.security.SystemAccess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The staff training records: one per running {@code staff-training} instance, read from its
 * variables. {@link #of(String)} gives a person their own record only; {@link #all()} is for the
 * roles in safeguarding.duties.training-record-readers (HR, CPO).
 */
@Component
public class TrainingRecords {

  static final String PROCESS_KEY = "staff-training";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identities;
  private final ZoneId schoolTimeZone;

  TrainingRecords(RuntimeService runtime, TaskService tasks, IdentityService identities, SafeguardingProperties school) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identities = identities;
    this.schoolTimeZone = school.schoolTimeZone();
  }

  public record TrainingRecord(String staffMember, String course, String provider, String completedOn,
      String expiresOn, boolean overdue) {}

  public List<TrainingRecord> all() {
    return SystemAccess.run(identities, () -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .list().stream().map(instance -> record(instance.getId()))
        .sorted(Comparator.comparing(TrainingRecord::staffMember)).toList());
  }

  public List<TrainingRecord> of(String userId) {
    return all().stream().filter(record -> record.staffMember().equals(userId)).toList();
  }

  private TrainingRecord record(String processInstanceId) {
    Map<String, Object> values = runtime.getVariables(processInstanceId,
        List.of("staffMember", "trainingCourse", "trainingProvider", "trainingCompletedOn", "expiresOn"));
    Date now = ClockUtil.getCurrentTime();
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
    String expiresOn = text(values.get("expiresOn"));
    String today = LocalDate.ofInstant(now.toInstant(), schoolTimeZone).toString();
    boolean overdue = open.stream().anyMatch(task -> task.getDueDate() != null && task.getDueDate().before(now))
        || !expiresOn.isEmpty() && expiresOn.compareTo(today) < 0;
    return new TrainingRecord(text(values.get("staffMember")), text(values.get("trainingCourse")),
        text(values.get("trainingProvider")), text(values.get("trainingCompletedOn")), expiresOn, overdue);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
