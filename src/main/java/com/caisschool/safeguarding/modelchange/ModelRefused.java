package com.caisschool.safeguarding.modelchange;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment that breaks a rule of docs/model-rules.md: nothing of it is deployed. The REST API
 * answers 400 with this message, which names each rule and element.
 */
public class ModelRefused extends BadUserRequestException {

  private final transient List<Violation> violations;

  public ModelRefused(List<Violation> violations) {
    super("The deployment was refused and nothing was changed (docs/model-rules.md):\n"
        + violations.stream().map(v -> "- " + v).collect(Collectors.joining("\n")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
