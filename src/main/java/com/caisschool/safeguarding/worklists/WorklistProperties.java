package com.caisschool.safeguarding.worklists;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tasklist's filters ({@code safeguarding.worklists.filters}): what each lists and how it shows.
 * Who may see a filter is a FILTER grant in {@code safeguarding.access}, by the filter's name.
 * The {@code card-readers} (roles) see on the cards of every filter they read the
 * {@code card-variables} instead of the filter's own {@code variables}: each filter exists once for
 * them and once for everyone else, as a filter's shown variables are the same for all who read it.
 */
@ConfigurationProperties("safeguarding.worklists")
public record WorklistProperties(List<Worklist> filters, List<String> cardReaders, List<ShownVariable> cardVariables) {

  public WorklistProperties {
    filters = filters == null ? List.of() : List.copyOf(filters);
    cardReaders = cardReaders == null ? List.of() : List.copyOf(cardReaders);
    cardVariables = cardVariables == null ? List.of() : List.copyOf(cardVariables);
  }

  /**
   * One filter. {@code order} places it in Tasklist's list (lower first), {@code color} marks it,
   * {@code variables} are shown with each task (name: label).
   */
  public record Worklist(String name, String description, Integer order, String color, Query query,
      List<ShownVariable> variables) {
    public Worklist {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("safeguarding.worklists.filters: every filter needs a name");
      }
      query = query == null ? new Query(false, null, null, null, null, false) : query;
      variables = variables == null ? List.of() : List.copyOf(variables);
    }
  }

  /**
   * Which tasks a filter lists; the conditions add up (all must hold). {@code mine}: assigned to
   * the user looking, or offered to one of their groups. {@code overdue}: due before now.
   * {@code minPriority}: at least this priority (urgent tasks carry 90 and more).
   */
  public record Query(boolean mine, List<String> candidateGroups, List<String> processDefinitionKeys,
      List<String> taskDefinitionKeys, Integer minPriority, boolean overdue) {
    public Query {
      candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
      processDefinitionKeys = processDefinitionKeys == null ? List.of() : List.copyOf(processDefinitionKeys);
      taskDefinitionKeys = taskDefinitionKeys == null ? List.of() : List.copyOf(taskDefinitionKeys);
    }
  }

  /** A process variable shown in the task list, such as the case reference. */
  public record ShownVariable(String name, String label) {}
}
