package com.caisschool.safeguarding.casefile;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning ({@code safeguarding.case-file.long-open-cron}, school time) the cases open too long
 * alert the CPO, on one node of the cluster, like the {@link MorningRetentionReview}. One job for
 * every case process, on any model version: a timer in each model would miss cases started on
 * earlier versions and have to be drawn in every diagram.
 */
@Component
public class MorningLongOpenCaseAlert {

  private final LongOpenCases cases;

  MorningLongOpenCaseAlert(LongOpenCases cases) {
    this.cases = cases;
  }

  @Scheduled(cron = "${safeguarding.case-file.long-open-cron:0 15 6 * * *}", zone = "${safeguarding.school-time-zone}")
  @SchedulerLock(name = "long-open-case-alert", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
  public void run() {
    cases.alertDue(); // through LongOpenCases' proxy: one transaction for the morning's alerts
  }
}
