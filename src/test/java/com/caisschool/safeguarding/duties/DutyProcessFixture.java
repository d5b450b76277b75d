package com.caisschool.safeguarding.duties;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** What the standing duties' plain-engine tests share: the school's calendar, people and timers. */
final class DutyProcessFixture {

  private DutyProcessFixture() {}

  /** The start of a school day in Changchun (Asia/Shanghai, UTC+8), as the engine sees it. */
  static Instant schoolDay(String date) {
    return Instant.parse(date + "T00:00:00+08:00");
  }

  static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /**
   * Moves the engine clock to the instant and runs every job of the instance that is due by then,
   * and the jobs those create (an alert after a timer), as the job executor would.
   */
  static void passTimeTo(Instant instant, String processInstanceId) {
    clockAt(instant);
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService().createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep coming due: a timer loop in the model?");
  }

  /** A yearly duty's timer start event job (no instance yet): when its next run starts by itself. */
  static Job yearlyTimer(String processKey) {
    return managementService().createJobQuery().processDefinitionKey(processKey).timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
  }

  /**
   * Moves the clock to the yearly timer's due date and runs it, as the job executor would: the run
   * it started, or null when that run has already ended.
   */
  static ProcessInstance startedByTheYearlyTimer(String processKey) {
    Job timer = yearlyTimer(processKey);
    clockAt(timer.getDuedate().toInstant());
    List<String> before = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .list().stream().map(HistoricProcessInstance::getId).toList();
    managementService().executeJob(timer.getId());
    String started = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .list().stream().map(HistoricProcessInstance::getId).filter(id -> !before.contains(id)).findFirst()
        .orElseThrow();
    return runtimeService().createProcessInstanceQuery().processInstanceId(started).singleResult();
  }

  static void user(IdentityService identities, String id, String... groups) {
    if (identities.createUserQuery().userId(id).count() == 0) {
      identities.saveUser(identities.newUser(id));
    }
    for (String group : groups) {
      if (identities.createGroupQuery().groupId(group).count() == 0) {
        identities.saveGroup(identities.newGroup(group));
      }
      if (identities.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identities.createMembership(id, group);
      }
    }
  }

  static void removeUsers(IdentityService identities, String... ids) {
    for (String id : ids) {
      identities.deleteUser(id);
    }
  }
}
