package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.security.SystemAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ending a case early (a duplicate report, a case opened by mistake) is a recorded step: who, when
 * and why go into the case file first, then the case's process ends, its history kept. This is the
 * only way a person ends a case before its model does (the engine refuses cancelling it from
 * Cockpit or the REST API).
 */
@Service
class EarlyEnding {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Chronology chronology;

  EarlyEnding(RuntimeService runtimeService, IdentityService identityService, Chronology chronology) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.chronology = chronology;
  }

  @Transactional
  public void end(String reference, String processInstanceId, String reason, String person) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Give the reason for ending the case early.");
    }
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    if (running == null || !reference.equals(running.getBusinessKey())) {
      throw new IllegalArgumentException("That process of the case is not running.");
    }
    String processKey = running.getProcessDefinitionId().split(":")[0];
    chronology.append(ChronologyEntry.of(reference, processInstanceId, EngineTime.now(), person, EntryKind.ENDED_EARLY,
        processKey, null, "Ended early, before the end of its model", reason.trim()));
    // The reason stays in the case file; the engine's history says only who ended it.
    SystemAccess.run(identityService, () -> runtimeService.deleteProcessInstance(processInstanceId,
        "Ended early by " + person + " (reason in the case file)"));
  }
}
