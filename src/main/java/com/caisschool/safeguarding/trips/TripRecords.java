package com.caisschool.safeguarding.trips;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The school trips ({@code school-trip} instances, running or finished): title, dates, leader,
 * approval and where each stands. {@link #ledBy(String)} gives a trip leader their own trips only.
 */
@Component
public class TripRecords {

  static final String PROCESS_KEY = "school-trip";

  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identities;

  TripRecords(HistoryService history, TaskService tasks, IdentityService identities) {
    this.history = history;
    this.tasks = tasks;
    this.identities = identities;
  }

  public record Trip(String title, String destination, String departureDate, String returnDate, String leader,
      String approval, String status) {}

  public List<Trip> all() {
    return SystemAccess.run(identities, () -> {
      List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY).list();
      if (instances.isEmpty()) {
        return List.<Trip>of();
      }
      Map<String, Map<String, Object>> variables = history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
          .variableNameIn("tripTitle", "destination", "departureDate", "returnDate", "tripLeader", "tripDecision")
          .list().stream().filter(variable -> variable.getValue() != null)
          .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId,
              Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b)));
      return instances.stream().map(instance -> trip(instance, variables.getOrDefault(instance.getId(), Map.of())))
          .sorted(Comparator.comparing(Trip::departureDate).reversed()).toList();
    });
  }

  public List<Trip> ledBy(String userId) {
    return all().stream().filter(trip -> trip.leader().equals(userId)).toList();
  }

  private Trip trip(HistoricProcessInstance instance, Map<String, Object> values) {
    String status;
    if (instance.getEndTime() != null) {
      status = "Closed";
    } else {
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).orderByTaskName().asc().list();
      status = open.isEmpty() ? "Approved, waiting for the trip dates"
          : open.stream().map(Task::getName).distinct().collect(Collectors.joining("; "));
    }
    Object decision = values.get("tripDecision");
    String approval = "approve".equals(decision) ? "Approved" : decision == null ? "Not yet decided" : "Returned";
    return new Trip(text(values.get("tripTitle")), text(values.get("destination")), day(values.get("departureDate")),
        day(values.get("returnDate")), text(values.get("tripLeader")), approval, status);
  }

  private static String day(Object value) {
    String text = text(value);
    return text.length() > 10 ? text.substring(0, 10) : text;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
