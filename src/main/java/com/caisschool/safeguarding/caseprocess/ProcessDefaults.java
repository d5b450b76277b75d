package com.caisschool.safeguarding.caseprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.caisschool.safeguarding.casework.Authority;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Copies the school's configured deadlines and intervals for this process
 * ({@code safeguarding.process-defaults.<process key>}) into a new instance of any process, as its
 * start event ends, and the list of local authorities as form choices ({@code authorityOptions}).
 * Each instance keeps the values it started with.
 */
final class ProcessDefaults implements ExecutionListener {

  private final Map<String, Map<String, String>> defaultsByProcess;
  private final String authorityOptionsJson;

  ProcessDefaults(Map<String, Map<String, String>> defaultsByProcess, List<Authority> authorities) {
    this.defaultsByProcess = Map.copyOf(defaultsByProcess);
    try {
      this.authorityOptionsJson = new ObjectMapper().writeValueAsString(authorities);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("safeguarding.authorities cannot be written as JSON", e);
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    String processKey = CaseDeclaration.processOf(execution).getId();
    defaultsByProcess.getOrDefault(processKey, Map.of()).forEach(execution::setVariable);
    execution.setVariable("authorityOptions", SpinValues.jsonValue(authorityOptionsJson).create());
  }
}
