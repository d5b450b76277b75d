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
 * groups as they are now: a grant a failed update left behind is withdrawn, and every member of a
 * group a case is hidden from is walled off it. A case about the Head opened before subjects were
 * recorded ({@code case_subject}) gets its group rule recorded here.
 */
@Component
class CaseAccessRepair {

  private static final Logger log = LoggerFactory.getLogger(CaseAccessRepair.class);

  private final CaseAccess caseAccess;
  private final RuntimeService runtime;
  private final IdentityService identities;
  private final CaseSubjects subjects;
  private final AccessProperties access;

  CaseAccessRepair(CaseAccess caseAccess, RuntimeService runtime, IdentityService identities, CaseSubjects subjects,
      AccessProperties access) {
    this.caseAccess = caseAccess;
    this.subjects = subjects;
    this.access = access;
    this.runtime = runtime;
    this.identities = identities;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void repairAll() {
    List<ProcessInstance> running = SystemAccess.run(identities, () -> runtime.createProcessInstanceQuery().list());
    AccessProperties.HiddenFromSubject rule = access.hiddenFromSubject();
    for (ProcessInstance instance : running) {
      if (rule != null && instance.getBusinessKey() != null && rule.value().equals(
          SystemAccess.run(identities, () -> runtime.getVariable(instance.getId(), rule.variable())))) {
        subjects.addGroup(instance.getBusinessKey(), rule.group());
      }
      caseAccess.sync(instance.getId());
    }
    log.info("Case access checked for {} running cases", running.size());
  }
}
