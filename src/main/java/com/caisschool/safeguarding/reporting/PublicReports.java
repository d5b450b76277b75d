package com.caisschool.safeguarding.reporting;

import com.caisschool.safeguarding.security.SystemAccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports made on the public page: starting the concern with a receipt code, and what the code
 * allows later (the coarse status, adding information). The code is the only key; the
 * {@code report_receipt} table holds its hash next to the concern's process instance id.
 */
class PublicReports {

  /** Message the concern process answers with a task for the CPO (event subprocess). */
  static final String ADDED_INFORMATION = "ReporterAddedInformation";

  private final ChannelConcerns concerns;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ReceiptCodes codes = new ReceiptCodes();

  PublicReports(ChannelConcerns concerns, RuntimeService runtimeService, HistoryService historyService,
      TaskService taskService, IdentityService identityService, JdbcTemplate jdbc,
      TransactionTemplate transaction) {
    this.concerns = concerns;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * Starts the concern and stores its receipt in one transaction (no concern without a receipt,
   * no receipt without a concern). Returns the code, which is never stored.
   */
  String submit(Map<String, Object> report) {
    String code = codes.next();
    transaction.executeWithoutResult(status -> {
      String processInstanceId = concerns.start(report);
      jdbc.update("insert into report_receipt (code_hash, process_instance_id, created_at) values (?, ?, ?)",
          ReceiptCodes.hash(code), processInstanceId, Timestamp.from(Instant.now()));
    });
    return code;
  }

  /** The coarse status of the report with this code; empty for any code that is not one. */
  Optional<CaseStatus> status(String code) {
    return processInstanceOf(code).map(this::statusOf);
  }

  /** What adding information did: added, or not (the concern process has ended). */
  record Addition(boolean added, CaseStatus status) {}

  /**
   * Adds the reporter's text to their case: the concern process gets message
   * {@value #ADDED_INFORMATION} and gives the CPO a task to read it. Empty for a code that is not
   * one; not added when the concern process no longer runs.
   */
  Optional<Addition> addInformation(String code, String text) {
    Optional<String> instance = processInstanceOf(code);
    if (instance.isEmpty()) {
      return Optional.empty();
    }
    String processInstanceId = instance.get();
    return Optional.of(SystemAccess.run(identityService, () -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
        return new Addition(false, statusOf(processInstanceId));
      }
      runtimeService.createMessageCorrelation(ADDED_INFORMATION)
          .processInstanceId(processInstanceId)
          .setVariable("reporterUpdateReceived", text)
          .setVariable("reporterUpdateReceivedAt", new Date())
          .correlateWithResult();
      return new Addition(true, statusOf(processInstanceId));
    }));
  }

  private Optional<String> processInstanceOf(String code) {
    if (code == null || code.isBlank() || code.length() > 64) {
      return Optional.empty();
    }
    List<String> found = jdbc.queryForList(
        "select process_instance_id from report_receipt where code_hash = ?", String.class,
        ReceiptCodes.hash(code));
    return found.stream().findFirst();
  }

  private CaseStatus statusOf(String processInstanceId) {
    return SystemAccess.run(identityService, () -> {
      HistoricProcessInstance concern = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (concern == null) {
        return CaseStatus.CLOSED;
      }
      // The case is every process under its reference: the concern and the pathways it started.
      String reference = concern.getBusinessKey();
      boolean running = reference == null
          ? concern.getEndTime() == null
          : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0;
      if (!running) {
        return CaseStatus.CLOSED;
      }
      boolean actedOn = reference != null && (
          historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).finished().count() > 0
          || taskService.createTaskQuery().processInstanceBusinessKey(reference).taskAssigned().count() > 0);
      return actedOn ? CaseStatus.BEING_HANDLED : CaseStatus.RECEIVED;
    });
  }
}
