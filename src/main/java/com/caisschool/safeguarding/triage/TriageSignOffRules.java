package com.caisschool.safeguarding.triage;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * On completion of the sign-off of a triage closure (the model names it:
 * {@code camunda:taskListener ${triageSignOffRules}}): the person signing is a member of the
 * configured sign-off roles ({@code triageSignOffGroups}) and is not the person who triaged. The
 * candidate groups only decide whom Tasklist offers the task; this holds for the REST API too.
 */
public class TriageSignOffRules implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String signer = ActingPerson.of(task);
    if (signer == null) {
      throw new BadUserRequestException("A closure at triage is signed off by a named person: claim the task first");
    }
    if (signer.equals(task.getVariable("triagedBy"))) {
      throw new BadUserRequestException("Rule 'a second person signs off': the person who triaged this concern"
          + " cannot sign off its closure");
    }
    String[] groups = Arrays.stream(String.valueOf(task.getVariable("triageSignOffGroups")).split(","))
        .map(String::trim).filter(group -> !group.isEmpty()).toArray(String[]::new);
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    boolean member = groups.length > 0 && SystemAccess.run(identity,
        () -> identity.createGroupQuery().groupMember(signer).groupIdIn(groups).count() > 0);
    if (!member) {
      throw new BadUserRequestException("Rule 'sign-off group': only a member of " + String.join(", ", groups)
          + " may sign off a closure at triage");
    }
  }
}
