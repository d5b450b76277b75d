package com.caisschool.safeguarding.worklists;

import com.caisschool.safeguarding.deployment.EngineSetUp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Tasklist's filters of {@code safeguarding.worklists} at every start-up, or brings an
 * existing one (found by name and audience) back to its configured query and properties: a restart
 * never adds a second copy. With card readers configured, each filter has two copies of the same
 * name and query: the card readers' (marked {@value #CARD_READERS}, showing the card variables) and
 * everyone else's; a person who may read both is given the card readers' only
 * ({@link OneCopyPerReader}). Runs before the access set-up grants READ on the filters by name
 * ({@link #filterFor}).
 */
@Component
@Order(3)
public class WorklistSetup implements EngineSetUp {

  /** Tasklist's expressions for the person looking at the list (evaluated per request). */
  static final String CURRENT_USER = "${currentUser()}";
  static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  static final String NOW = "${now()}";
  /** The filter property that marks the card readers' copy of a filter. */
  static final String CARD_READERS = "cardReaders";

  private final FilterService filters;
  private final TaskService tasks;
  private final WorklistProperties worklists;

  public WorklistSetup(FilterService filters, TaskService tasks, WorklistProperties worklists) {
    this.filters = filters;
    this.tasks = tasks;
    this.worklists = worklists;
  }

  @Override
  public void setUp() {
    for (WorklistProperties.Worklist worklist : worklists.filters()) {
      ensure(worklist, false, worklist.variables());
      if (!worklists.cardReaders().isEmpty()) {
        ensure(worklist, true, worklists.cardVariables());
      }
    }
  }

  /** The id of the copy of the filter {@code name} that members of {@code group} read. */
  public String filterFor(String name, String group) {
    return copies(name, readsCards(group)).stream().findFirst().map(Filter::getId)
        .orElseThrow(() -> new IllegalStateException("safeguarding.access grants READ on the Tasklist filter '"
            + name + "', which safeguarding.worklists.filters does not define"));
  }

  /** The ids of the other copies of the filter {@code name}: not for members of {@code group}. */
  public List<String> filtersNotFor(String name, String group) {
    return copies(name, !readsCards(group)).stream().map(Filter::getId).toList();
  }

  private boolean readsCards(String group) {
    return worklists.cardReaders().contains(group);
  }

  private void ensure(WorklistProperties.Worklist worklist, boolean forCardReaders,
      List<WorklistProperties.ShownVariable> shown) {
    List<Filter> existing = copies(worklist.name(), forCardReaders);
    Filter filter = existing.isEmpty() ? filters.newTaskFilter(worklist.name()) : existing.get(0);
    existing.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
    filter.setQuery(query(worklist.query()));
    filter.setProperties(properties(worklist, forCardReaders, shown));
    filters.saveFilter(filter);
  }

  /** The application's filters of that name for one audience (a user's own filter of the same name is left alone). */
  private List<Filter> copies(String name, boolean forCardReaders) {
    return filters.createFilterQuery().filterName(name).list().stream()
        .filter(filter -> filter.getOwner() == null)
        .filter(filter -> forCardReaders == forCardReaders(filter))
        .toList();
  }

  /** Whether this is the card readers' copy of a filter. */
  static boolean forCardReaders(Filter filter) {
    return filter.getProperties() != null && Boolean.TRUE.equals(filter.getProperties().get(CARD_READERS));
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

  private static Map<String, Object> properties(WorklistProperties.Worklist worklist, boolean forCardReaders,
      List<WorklistProperties.ShownVariable> shown) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (forCardReaders) {
      properties.put(CARD_READERS, true);
    }
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
    properties.put("variables", shown.stream()
        .map(variable -> Map.of("name", variable.name(), "label", variable.label())).toList());
    return properties;
  }
}
