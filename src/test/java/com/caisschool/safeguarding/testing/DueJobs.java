package com.caisschool.safeguarding.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs due jobs (async continuations such as the alerts, timers the engine clock has passed) in
 * the test's thread. The application tests have no job executor (application-test.yaml), so
 * nothing else runs them: a test moves the clock ({@link EngineClock}) and runs what became due.
 * A job that fails fails the test with the job's error.
 */
public final class DueJobs {

  /** More rounds than any model needs (a job's continuation may make further jobs due). */
  private static final int MAX_ROUNDS = 50;

  private DueJobs() {}

  /** Runs the case's due jobs, and those its run makes due, until none is due. */
  public static void run(ManagementService managementService, String processInstanceId) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    fail("Jobs of " + processInstanceId + " still due after " + MAX_ROUNDS + " rounds");
  }
}
