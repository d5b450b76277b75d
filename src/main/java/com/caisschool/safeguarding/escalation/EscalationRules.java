package com.caisschool.safeguarding.escalation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The school's escalation table ({@code safeguarding.escalation} in application.yaml): for each role
 * that can hold a task, the roles told when that task is late; and the few tasks whose deadline is
 * not escalated, each with its reason ({@code "process-key:task-id": reason}).
 */
public record EscalationRules(Map<String, List<String>> toldWhenLate, Map<String, String> exempt) {

  public EscalationRules {
    toldWhenLate = toldWhenLate == null ? Map.of() : Map.copyOf(toldWhenLate);
    exempt = exempt == null ? Map.of() : Map.copyOf(exempt);
  }

  /**
   * The roles told when a task held by these roles is late: the table's entries for each of them,
   * leaving out the holders themselves, who are the ones late.
   *
   * @throws IllegalStateException when the table names nobody else (an alert must reach someone)
   */
  public List<String> toldWhenLate(Collection<String> holders) {
    Set<String> told = new LinkedHashSet<>();
    holders.forEach(holder -> told.addAll(toldWhenLate.getOrDefault(holder, List.of())));
    told.removeAll(holders);
    if (told.isEmpty()) {
      throw new IllegalStateException("The escalation table names nobody to tell when a task of "
          + holders + " is late (safeguarding.escalation.told-when-late)");
    }
    return List.copyOf(told);
  }

  public boolean isExempt(String processKey, String taskId) {
    return exempt.containsKey(processKey + ":" + taskId);
  }
}
