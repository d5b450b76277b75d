package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.security.CaseSubjects;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${nextOnCall}}: the next person on the night's rota to alert. Never someone already
 * alerted for this alert (the one who did not acknowledge in time is passed over), never a person
 * the case is about. Sets {@code onCallPerson}, or null when nobody is left.
 */
public class NextOnCall implements JavaDelegate {

  /** Everyone alerted so far for this alert, comma-separated, in order. */
  static final String ALERTED = "alertedOnCall";
  static final String PERSON = "onCallPerson";

  private final OnCallRota rota;
  private final CaseSubjects subjects;

  public NextOnCall(OnCallRota rota, CaseSubjects subjects) {
    this.rota = rota;
    this.subjects = subjects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    LocalDate day = LocalDate.parse((String) execution.getVariable("dutyDate"));
    List<String> alerted = new ArrayList<>(alertedSoFar(execution));
    Set<String> hidden = subjects.usersHiddenFrom(reference);
    String next = rota.onCall(day).stream()
        .filter(person -> !alerted.contains(person) && !hidden.contains(person))
        .findFirst().orElse(null);
    if (next != null) {
      alerted.add(next);
    }
    execution.setVariable(PERSON, next);
    execution.setVariable(ALERTED, String.join(",", alerted));
  }

  static List<String> alertedSoFar(DelegateExecution execution) {
    Object value = execution.getVariable(ALERTED);
    return value == null || value.toString().isBlank() ? List.of()
        : Arrays.stream(value.toString().split(",")).map(String::trim).toList();
  }
}
