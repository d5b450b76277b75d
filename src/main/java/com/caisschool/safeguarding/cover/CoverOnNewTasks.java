package com.caisschool.safeguarding.cover;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * As a task is created: when every member of one of its candidate roles (the CPO, the deputy) is
 * away, the people covering are offered it too, at once, as candidate users (the role keeps it:
 * whoever comes back first sees it). Recorded so its completion can say who acted under cover.
 */
class CoverOnNewTasks implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(CoverOnNewTasks.class);

  private final CoverPlan plan;
  private final CoverGiven given;

  CoverOnNewTasks(CoverPlan plan, CoverGiven given) {
    this.plan = plan;
    this.given = given;
  }

  @Override
  public void notify(DelegateTask task) {
    Set<String> groups = new LinkedHashSet<>();
    task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .filter(link -> link.getGroupId() != null).forEach(link -> groups.add(link.getGroupId()));
    String reference = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    for (Cover cover : plan.coverFor(groups, reference, reference == null ? null : task.getExecution())) {
      cover.coverUsers().forEach(task::addCandidateUser);
      given.record(task.getId(), cover, ClockUtil.getCurrentTime().toInstant());
      // Ids of staff and the task, never the case's facts.
      log.info("Task {} of role {} offered under cover to {}", task.getId(), cover.role(), cover.coverUsers());
    }
  }
}
