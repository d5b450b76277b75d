package com.caisschool.safeguarding.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start, brings each running case's access in line with its open tasks and with the
 * groups as they are now: a grant a failed update left behind is withdrawn, and someone who has
 * joined the Head of School's group since a case about the Head was opened is refused it.
 */
@Component
class CaseAccessRepair {

  private static final Logger log = LoggerFactory.getLogger(CaseAccessRepair.class);

  private final CaseAccess caseAccess;
  private final RuntimeService runtime;
  private final IdentityService identities;

  CaseAccessRepair(CaseAccess caseAccess, RuntimeService runtime, IdentityService identities) {
    this.caseAccess = caseAccess;
    this.runtime = runtime;
    this.identities = identities;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void repairAll() {
    List<String> running = SystemAccess.run(identities, () -> runtime.createProcessInstanceQuery().list().stream()
        .map(ProcessInstance::getId).toList());
    running.forEach(caseAccess::sync);
    log.info("Case access checked for {} running cases", running.size());
  }
}
