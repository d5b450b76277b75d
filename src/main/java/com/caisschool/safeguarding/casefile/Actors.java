package com.caisschool.safeguarding.casefile;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who an entry names as having acted. */
@Component
class Actors {

  static final String SYSTEM = "system";

  private final IdentityService identityService;

  Actors(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The person acting in this transaction; else the fallback (a task's assignee); else the system. */
  String current(String fallback) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return fallback != null ? fallback : SYSTEM;
  }
}
