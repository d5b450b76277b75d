package com.caisschool.safeguarding.worklists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates Tasklist's filters of {@code safeguarding.worklists} at every start-up, or brings an
 * existing one (found by name) back to its configured query and properties: a restart never adds a
 * second copy. Runs before the access set-up grants READ on the filters by name.
 */
@Component
public class WorklistSetup implements InitializingBean {

  /** Tasklist's expressions for the person looking at the list (evaluated per request). */
  static final String CURRENT_USER = "${currentUser()}";
  static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  static final String NOW = "${now()}";

  private final FilterService filters;
  private final TaskService tasks;
  private final WorklistProperties worklists;

  public WorklistSetup(FilterService filters, TaskService tasks, WorklistProperties worklists) {
    this.filters = filters;
    this.tasks = tasks;
    this.worklists = worklists;
  }

  @Override
  public void afterPropertiesSet() {
    worklists.filters().forEach(this::ensure);
  }

  private void ensure(WorklistProperties.Worklist worklist) {
    // Filters without an owner are the application's; a user's own filter of the same name is left alone.
    List<Filter> existing = filters.createFilterQuery().filterName(worklist.name()).list().stream()
        .filter(filter -> filter.getOwner() == null).toList();
    Filter filter = existing.isEmpty() ? filters.newTaskFilter(worklist.name()) : existing.get(0);
    existing.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
    filter.setQuery(query(worklist.query()));
    filter.setProperties(properties(worklist));
    filters.saveFilter(filter);
  }

  private TaskQuery query(WorklistProperties.Query spec) {
    TaskQuery query = tasks.createTaskQuery();
    if (spec.mine()) {
      query.or()
          .taskAssigneeExpression(CURRENT_USER)
          .taskCandidateUserExpression(CURRENT_USER)
          .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
          .endOr();
    }
    if (!spec.candidateGroups().isEmpty()) {
      query.taskCandidateGroupIn(spec.candidateGroups()).includeAssignedTasks();
    }
    if (!spec.processDefinitionKeys().isEmpty()) {
      query.processDefinitionKeyIn(spec.processDefinitionKeys().toArray(String[]::new));
    }
    if (!spec.taskDefinitionKeys().isEmpty()) {
      query.taskDefinitionKeyIn(spec.taskDefinitionKeys().toArray(String[]::new));
    }
    if (spec.minPriority() != null) {
      query.taskMinPriority(spec.minPriority());
    }
    if (spec.overdue()) {
      query.dueBeforeExpression(NOW);
    }
    // Most urgent first, then the nearest deadline.
    query.orderByTaskPriority().desc().orderByDueDate().asc();
    return query;
  }

  private static Map<String, Object> properties(WorklistProperties.Worklist worklist) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (worklist.description() != null) {
      properties.put("description", worklist.description());
    }
    if (worklist.order() != null) {
      properties.put("priority", worklist.order());
    }
    if (worklist.color() != null) {
      properties.put("color", worklist.color());
    }
    // Tasklist reloads the list by itself, so a new urgent task shows without a click.
    properties.put("refresh", true);
    properties.put("variables", worklist.variables().stream()
        .map(variable -> Map.of("name", variable.name(), "label", variable.label())).toList());
    return properties;
  }
}
