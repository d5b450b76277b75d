package com.caisschool.safeguarding.cover;

import com.caisschool.safeguarding.caseprocess.CaseDeclaration;
import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.casefile.ChronologyEntry;
import com.caisschool.safeguarding.casefile.EntryKind;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * As a task offered under cover is completed by one of the people covering: the case file records
 * that they acted under cover, for which role and in place of whom.
 */
class ActedUnderCover implements TaskListener {

  private final CoverGiven given;
  private final Chronology chronology;

  ActedUnderCover(CoverGiven given, Chronology chronology) {
    this.given = given;
    this.chronology = chronology;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Cover> covers = given.of(task.getId());
    if (covers.isEmpty() || task.getExecution() == null || task.getExecution().getProcessBusinessKey() == null
        || !CaseDeclaration.isCase(task.getExecution())) {
      return;
    }
    String actor = actor(task);
    for (Cover cover : covers) {
      if (actor != null && cover.coverUsers().contains(actor) && !cover.absentUsers().contains(actor)) {
        chronology.append(ChronologyEntry.of(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
            ClockUtil.getCurrentTime().toInstant(), actor, EntryKind.ACTED_UNDER_COVER, task.getTaskDefinitionKey(),
            task.getName(), actor + " acted under cover for the " + cover.role() + " (" + String.join(", ",
                cover.absentUsers()) + " away)", null));
      }
    }
  }

  private static String actor(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
  }
}
