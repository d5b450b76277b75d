package com.caisschool.safeguarding.caseprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.caisschool.safeguarding.casework.Authority;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Copies the school's configured deadlines and intervals for this process
 * ({@code safeguarding.process-defaults.<process key>}) into the case, and the list of local
 * authorities as form choices ({@code authorityOptions}). Each case keeps the values it started with.
 */
final class ProcessDefaults {

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

  void applyTo(DelegateExecution execution, String processKey) {
    defaultsByProcess.getOrDefault(processKey, Map.of()).forEach(execution::setVariable);
    execution.setVariable("authorityOptions", SpinValues.jsonValue(authorityOptionsJson).create());
  }
}
