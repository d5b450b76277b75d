package com.caisschool.safeguarding.casefile;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning ({@code safeguarding.case-file.retention-review-cron}) the retention review flags
 * the files that fell due, on one node of the cluster: the others find its lock taken and skip
 * their turn. The lock is held at least 5 minutes, so a node whose clock runs late skips too.
 */
@Component
public class MorningRetentionReview {

  private final RetentionReview review;

  MorningRetentionReview(RetentionReview review) {
    this.review = review;
  }

  @Scheduled(cron = "${safeguarding.case-file.retention-review-cron:0 0 6 * * *}")
  @SchedulerLock(name = "retention-review", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
  public void run() {
    review.flagDue(); // through RetentionReview's proxy: one transaction for the morning's flags
  }
}
