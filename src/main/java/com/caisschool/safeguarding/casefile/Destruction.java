package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.atrest.FieldCipher;
import com.caisschool.safeguarding.security.CaseSubjects;
import com.caisschool.safeguarding.security.SystemAccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries out a retention decision to destroy a child's file, everywhere the application keeps it,
 * in the decision's transaction: each case's engine history (process instances, tasks, variables,
 * details, decisions, operation log, incidents, their stored bytes, the grants and refusals on it), its case-file rows
 * (chronology, processes, receipts, alerts, who it was about) and the child. What stays is the
 * record of the destruction ({@code case_destruction}: reference, who decided, when, the reason,
 * how much was deleted) and the access log of reads, which holds no facts. Backups age out by
 * their own retention (README "Backups").
 */
@Component
class Destruction {

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identities;
  private final CaseSubjects subjects;
  private final FieldCipher cipher;
  private final AuthorizationService authorizations;

  Destruction(JdbcTemplate jdbc, HistoryService history, RuntimeService runtime, IdentityService identities,
      CaseSubjects subjects, FieldCipher cipher, AuthorizationService authorizations) {
    this.authorizations = authorizations;
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
    this.identities = identities;
    this.subjects = subjects;
    this.cipher = cipher;
  }

  /** Refuses (before anything is decided) when a case of the child is still running. */
  void requireAllEnded(List<String> references) {
    long running = SystemAccess.run(identities, () -> references.stream()
        .mapToLong(reference -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).sum());
    if (running > 0) {
      throw new IllegalArgumentException("A case of this child is still open: end it first. Nothing was destroyed.");
    }
  }

  /** Destroys the child's file and each of its cases; records each destruction without its facts. */
  void destroy(long childId, List<String> references, String decidedBy, Instant decidedAt, String reason) {
    for (String reference : references) {
      Set<String> instances = SystemAccess.run(identities, () -> processInstancesOf(reference));
      if (!instances.isEmpty()) {
        SystemAccess.run(identities, () -> destroyEngineHistory(instances));
      }
      jdbc.update("update chronology_entry set corrects_entry_id = null where case_reference = ?", reference);
      int entries = jdbc.update("delete from chronology_entry where case_reference = ?", reference);
      List<String> files = jdbc.queryForList("select process_instance_id from case_file where case_reference = ?",
          String.class, reference);
      for (String processInstanceId : files) {
        jdbc.update("delete from report_receipt where process_instance_id = ?", processInstanceId);
        jdbc.update("delete from email_intake where process_instance_id = ?", processInstanceId);
      }
      jdbc.update("delete from case_file where case_reference = ?", reference);
      jdbc.update("delete from notification where case_reference = ?", reference);
      subjects.forget(reference);
      jdbc.update("insert into case_destruction (case_reference, decided_by, decided_at, carried_out_at, reason,"
          + " process_instances, chronology_entries) values (?, ?, ?, ?, ?, ?, ?)", reference, decidedBy,
          Timestamp.from(decidedAt), Timestamp.from(EngineTime.now()), cipher.encrypt(reason),
          Math.max(instances.size(), files.size()), entries);
    }
    jdbc.update("delete from subject_access_request where child_id = ?", childId);
    jdbc.update("delete from retention_review where child_id = ?", childId);
    jdbc.update("delete from child where id = ?", childId);
  }

  /**
   * The instances' history, and what the engine keeps apart from it: the operation log, the
   * decisions evaluated (with their inputs), and the grants and refusals on the instances and their
   * tasks (which say who could see the case, or whom it was about).
   */
  private void destroyEngineHistory(Set<String> instances) {
    List<String> taskIds = new ArrayList<>();
    for (String id : instances) {
      history.createHistoricTaskInstanceQuery().processInstanceId(id).list().forEach(task -> taskIds.add(task.getId()));
      history.createUserOperationLogQuery().processInstanceId(id).list()
          .forEach(entry -> history.deleteUserOperationLogEntry(entry.getId()));
      history.createHistoricDecisionInstanceQuery().processInstanceId(id).list()
          .forEach(decision -> history.deleteHistoricDecisionInstanceByInstanceId(decision.getId()));
    }
    history.deleteHistoricProcessInstances(List.copyOf(instances));
    deleteAuthorizations(Resources.PROCESS_INSTANCE, instances);
    deleteAuthorizations(Resources.TASK, taskIds);
  }

  private void deleteAuthorizations(Resources resource, java.util.Collection<String> resourceIds) {
    for (String resourceId : resourceIds) {
      authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId).list()
          .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }
  }

  /** The case's process instances in the history, those they called included. */
  private Set<String> processInstancesOf(String reference) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> roots = new ArrayList<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
        .forEach(instance -> roots.add(instance.getId()));
    for (String root : roots) {
      ids.add(root);
      history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list().stream()
          .map(HistoricProcessInstance::getId).forEach(ids::add);
    }
    return ids;
  }
}
