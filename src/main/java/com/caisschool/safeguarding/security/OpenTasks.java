package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.security.CaseAccess.Identity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A running process's case reference, its open tasks and who holds them (the assignee, the
 * candidate users and groups), as {@link CaseAccess} needs them before a step commits: read in one
 * statement from the engine's tables on the step's own connection, where the engine's instance,
 * task and identity-link queries took one statement each, and two for each open task (issue 25).
 */
record OpenTasks(String caseReference, List<String> taskIds, Set<Identity> holders) {

  /** Null when no such process instance runs (it ended in the same step). */
  static OpenTasks of(JdbcTemplate jdbc, String processInstanceId) {
    List<String> references = new ArrayList<>();
    Set<String> taskIds = new LinkedHashSet<>();
    Set<Identity> holders = new LinkedHashSet<>();
    jdbc.query("select e.BUSINESS_KEY_, t.ID_ as TASK_ID_, t.ASSIGNEE_, l.TYPE_, l.USER_ID_, l.GROUP_ID_"
        + " from ACT_RU_EXECUTION e left join ACT_RU_TASK t on t.PROC_INST_ID_ = e.ID_"
        + " left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_"
        + " where e.ID_ = ? and e.PROC_INST_ID_ = e.ID_", row -> {
          references.add(row.getString("BUSINESS_KEY_"));
          String taskId = row.getString("TASK_ID_");
          if (taskId == null) {
            return;
          }
          taskIds.add(taskId);
          if (row.getString("ASSIGNEE_") != null) {
            holders.add(Identity.user(row.getString("ASSIGNEE_")));
          }
          if (IdentityLinkType.CANDIDATE.equals(row.getString("TYPE_"))) {
            String group = row.getString("GROUP_ID_");
            holders.add(group != null ? Identity.group(group) : Identity.user(row.getString("USER_ID_")));
          }
        }, processInstanceId);
    return references.isEmpty() ? null : new OpenTasks(references.get(0), List.copyOf(taskIds), holders);
  }
}
