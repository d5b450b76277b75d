package com.caisschool.safeguarding.atrest;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DatabaseScan;
import com.caisschool.safeguarding.testing.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Values an earlier version stored in clear (the engine's String variables, short and long, their
 * history and history details, a form property's copy; a child's name without its index; the
 * chronology's text) are encrypted when the application starts, and read and found as before.
 */
@ApplicationTest
class ClearValuesEncryptionTest {

  static final String CHILD = "Ulla Cleartext-Testchild";
  static final String OBSERVED = "Cleartext-observation of a burn on the wrist";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired EncryptionAtStartup encryption;
  @Autowired List<ClearValues> stores;

  @Test
  void valuesStoredInClearBeforeAreEncryptedAtStartAndStillReadAndFound() {
    String id = new CaseSteps(port, taskService).reportConcern(with(bruises(CHILD), "observations", OBSERVED));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    storeAsAnEarlierVersionDid(id, reference);
    assertThat(DatabaseScan.findings(dataSource, "PUBLIC", List.of(CHILD, OBSERVED))).as("in clear, as before")
        .isNotEmpty();

    encryption.encryptWhatIsLeftInClear();

    assertThat(DatabaseScan.findings(dataSource, "PUBLIC", List.of(CHILD, OBSERVED))).isEmpty();
    assertThat(runtimeService.getVariable(id, "observations")).isEqualTo(OBSERVED);
    assertThat(runtimeService.getVariable(id, "childName")).isEqualTo(CHILD);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("observations")
        .singleResult().getValue()).isEqualTo(OBSERVED);
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.page("/casefile/cases/" + reference).body()).contains(OBSERVED);
    assertThat(cpo.page("/casefile?child=ulla+cleartext-testchild").body()).contains("class=\"child-search\"")
        .contains(CHILD);
    assertThat(stores.stream().mapToInt(ClearValues::encrypt).sum()).as("nothing left the second time").isZero();
  }

  /** As before protection at rest: String variables in the text column or in clear bytes, a child without index. */
  private void storeAsAnEarlierVersionDid(String processInstanceId, String reference) {
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      String type = table.equals("ACT_RU_VARIABLE") ? "TYPE_" : "VAR_TYPE_";
      String only = table.equals("ACT_HI_DETAIL") ? " and TYPE_ = 'VariableUpdate'" : "";
      jdbc.update("update " + table + " set " + type + " = 'string', TEXT_ = ?, TEXT2_ = null, BYTEARRAY_ID_ = null"
          + " where PROC_INST_ID_ = ? and NAME_ = 'observations'" + only, OBSERVED, processInstanceId);
      // A long text in clear bytes (LongTextSerializer), whichever column the value is in now.
      int resourceType = table.equals("ACT_RU_VARIABLE") ? ResourceTypes.RUNTIME.getValue() : ResourceTypes.HISTORY.getValue();
      for (String variable : jdbc.queryForList("select ID_ from " + table + " where PROC_INST_ID_ = ?"
          + " and NAME_ = 'childName'" + only, String.class, processInstanceId)) {
        String bytes = UUID.randomUUID().toString();
        jdbc.update("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, BYTES_, TYPE_) values (?, 1, 'childName', ?, ?)",
            bytes, CHILD.getBytes(StandardCharsets.UTF_8), resourceType);
        jdbc.update("update " + table + " set " + type + " = 'longString', TEXT_ = null, TEXT2_ = null,"
            + " BYTEARRAY_ID_ = ? where ID_ = ?", bytes, variable);
      }
    }
    jdbc.update("update ACT_HI_DETAIL set TEXT_ = ? where TYPE_ = 'FormProperty' and PROC_INST_ID_ = ?"
        + " and NAME_ = 'observations'", OBSERVED, processInstanceId);
    jdbc.update("update child set name = ?, name_index = null where id = (select child_id from case_file"
        + " where case_reference = ? and child_id is not null fetch first 1 rows only)", CHILD, reference);
    jdbc.update("update chronology_entry set details = ? where case_reference = ? and kind = 'REPORT'",
        "What was observed: " + OBSERVED, reference);
  }
}
