package com.caisschool.safeguarding.emailintake;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the CPO mailbox at the configured interval, the first time one interval after start-up,
 * on one node of the cluster at a time: a node that finds another polling skips its turn. Should
 * a poll outlast its lock, the message's key in {@code email_intake} still makes it one concern.
 */
public class MailboxPolling {

  private final MailboxIntake intake;

  MailboxPolling(MailboxIntake intake) {
    this.intake = intake;
  }

  @Scheduled(fixedDelayString = "${safeguarding.email-intake.poll-interval:PT1M}",
      initialDelayString = "${safeguarding.email-intake.poll-interval:PT1M}")
  @SchedulerLock(name = "email-intake-poll", lockAtMostFor = "PT10M")
  public void poll() {
    intake.poll();
  }
}
