package com.caisschool.safeguarding.duties;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

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
