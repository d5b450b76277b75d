package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * A case's later steps do not ask the database again whether its file exists once its opening has
 * committed ({@link FilesKnownToExist}, issue 25), and their chronology entries are written all the
 * same; only a committed "yes" is remembered.
 */
@ApplicationTest
class FilesKnownToExistTest {

  private static final String ASKS_FOR_THE_FILE = "select count(*) from case_file where process_instance_id";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired Chronology chronology;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aLaterStepOfACaseIsRecordedWithoutAskingWhetherItsFileExists() {
    CaseSteps steps = new CaseSteps(port, taskService);
    String id = steps.reportConcern(bruises("Ines Knownfile-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    // H2's own statistics of every statement the database ran during the step.
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    steps.decideAuthoritiesNotNow(RestApi.as(port, "cpo", "demo"), id);
    List<String> statements = jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS",
        String.class);
    jdbc.execute("SET QUERY_STATISTICS FALSE");

    assertThat(statements).as("the step's statements").anyMatch(sql -> sql.contains("insert into chronology_entry"))
        .noneMatch(sql -> sql.contains(ASKS_FOR_THE_FILE));
    assertThat(chronology.ofCase(reference)).extracting(ChronologyEntry::stepId).contains("user_task_authority_decision");
  }

  @Test
  void onlyACommittedFileIsRemembered() {
    FilesKnownToExist files = new FilesKnownToExist();

    inTransaction(() -> files.rememberOnCommit("rolled-back"), false);
    inTransaction(() -> files.rememberOnCommit("committed"), true);
    files.rememberOnCommit("outside-any-transaction");

    assertThat(files.contains("rolled-back")).isFalse();
    assertThat(files.contains("committed")).isTrue();
    assertThat(files.contains("outside-any-transaction")).isFalse();

    inTransaction(() -> files.forgetOnCommit("committed"), false);
    assertThat(files.contains("committed")).as("kept while its closing did not commit").isTrue();
    inTransaction(() -> files.forgetOnCommit("committed"), true);
    assertThat(files.contains("committed")).isFalse();
  }

  @Test
  void theOldestAreLetGoBeyondTheBound() {
    FilesKnownToExist files = new FilesKnownToExist();
    inTransaction(() -> {
      for (int n = 0; n <= FilesKnownToExist.MOST; n++) {
        files.rememberOnCommit("process-" + n);
      }
    }, true);

    assertThat(files.size()).isEqualTo(FilesKnownToExist.MOST);
    assertThat(files.contains("process-0")).isFalse();
    assertThat(files.contains("process-" + FilesKnownToExist.MOST)).isTrue();
  }

  /** Runs the work with transaction synchronization on, then completes it as Spring would. */
  private static void inTransaction(Runnable work, boolean commits) {
    TransactionSynchronizationManager.initSynchronization();
    try {
      work.run();
      List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
      if (commits) {
        TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
      }
      TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, commits
          ? TransactionSynchronization.STATUS_COMMITTED : TransactionSynchronization.STATUS_ROLLED_BACK);
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }
}
