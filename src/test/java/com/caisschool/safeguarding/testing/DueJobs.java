package com.caisschool.safeguarding.testing;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs a case's due jobs now, in the test's thread, rather than waiting for the job executor's
 * next look (which backs off while idle). A job the executor runs first is not run twice.
 */
public final class DueJobs {

  private DueJobs() {}

  public static void run(ManagementService managementService, String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
      try {
        managementService.executeJob(job.getId());
      } catch (ProcessEngineException ranMeanwhile) {
        if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
          throw ranMeanwhile;
        }
      }
    }
  }
}
