package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.atrest.FieldCipher;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Data protection, carried out: a retention decision to destroy deletes the child's file
 * everywhere (case file, engine history) and leaves only the record of the destruction, without
 * the destroyed facts; a person's request to see their data is released only after a second
 * person approved the export the CPO prepared.
 */
@ApplicationTest
class DestructionAndSubjectAccessTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseFiles caseFiles;
  @Autowired RetentionReview retentionReview;
  @Autowired FieldCipher cipher;

  @Test
  void aDecisionToDestroyDeletesTheFileEverywhereAndRecordsTheDeletionWithoutItsFacts() {
    String id = closedConcern("Rhea Destroyed-Testchild");
    String reference = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getBusinessKey();
    long childId = caseFiles.ofCase(reference).get(0).childId();
    String open = new CaseSteps(port, taskService).reportConcern(bruises("Sami Stillopen-Testchild"));
    long openChild = caseFiles.ofCase(historyService.createHistoricProcessInstanceQuery().processInstanceId(open)
        .singleResult().getBusinessKey()).get(0).childId();
    LocalDate longAgo = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(26);
    jdbc.update("update child set date_of_birth = ? where id in (?, ?)", Date.valueOf(longAgo), childId, openChild);
    retentionReview.flagDue();
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String token = WebappSession.csrfTokenOf(cpo.page("/casefile"));

    var refused = cpo.send("POST", "/casefile/retention/" + reviewOf(openChild), token,
        Map.of("decision", "destroy", "reason", "Reached 25"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("still open");
    assertThat(caseFiles.ofChild(openChild)).isNotEmpty();

    assertThat(cpo.send("POST", "/casefile/retention/" + reviewOf(childId), token,
        Map.of("decision", "destroy", "reason", "Reached 25, no open matter")).status()).isEqualTo(302);

    // The case file: nothing of the child or the case is left.
    for (String table : List.of("case_file", "chronology_entry", "notification", "case_subject")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where case_reference = ?", Integer.class,
          reference)).as(table).isZero();
    }
    assertThat(jdbc.queryForObject("select count(*) from child where id = ?", Integer.class, childId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from retention_review where child_id = ?", Integer.class, childId))
        .isZero();
    // The engine's history of the case: every table that names the process instance.
    for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
        "ACT_HI_DETAIL", "ACT_HI_OP_LOG", "ACT_HI_DECINST", "ACT_HI_INCIDENT", "ACT_HI_COMMENT")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where PROC_INST_ID_ = ?", Integer.class, id))
          .as(table).isZero();
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?", Integer.class,
        id)).as("ACT_HI_JOB_LOG").isZero();
    for (String table : List.of("ACT_HI_IDENTITYLINK", "ACT_GE_BYTEARRAY")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?", Integer.class,
          id)).as(table).isZero();
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?", Integer.class,
        id)).as("grants and refusals on the case").isZero();
    // What stays: who destroyed which case, when and why, and nothing of what it said.
    Map<String, Object> record = jdbc.queryForMap("select * from case_destruction where case_reference = ?", reference);
    assertThat(record.get("DECIDED_BY")).isEqualTo("cpo");
    assertThat(record.get("CARRIED_OUT_AT")).isNotNull();
    assertThat(cipher.decrypt((String) record.get("REASON"))).isEqualTo("Reached 25, no open matter");
    assertThat(record.toString()).doesNotContain("Rhea").doesNotContain("Finger-mark").doesNotContain("Reached 25");
    assertThat(cpo.get("/casefile/cases/" + reference).status()).isEqualTo(404);
  }

  @Test
  void anExportOfAPersonsDataIsReleasedOnlyAfterASecondPersonApprovedIt() throws IOException {
    String id = new CaseSteps(port, taskService).reportConcern(bruises("Tian Subjectaccess-Testchild"));
    String reference = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
        .getBusinessKey();
    long childId = caseFiles.ofCase(reference).get(0).childId();
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String token = WebappSession.csrfTokenOf(cpo.page("/casefile/children/" + childId));

    assertThat(cpo.send("POST", "/casefile/children/" + childId + "/access-requests", token,
        Map.of("requestedBy", "The child's mother", "withheld", " ")).status()).as("withheld is required").isEqualTo(400);
    assertThat(cpo.send("POST", "/casefile/children/" + childId + "/access-requests", token,
        Map.of("requestedBy", "The child's mother", "withheld", "Nothing withheld")).status()).isEqualTo(302);
    long request = jdbc.queryForObject("select max(id) from subject_access_request where child_id = ?", Long.class,
        childId);
    assertThat(jdbc.queryForObject("select requested_by from subject_access_request where id = ?", String.class,
        request)).as("stored encrypted").doesNotContain("mother");

    String export = "/casefile/access-requests/" + request + "/export.pdf";
    assertThat(cpo.send("POST", export, token, Map.of()).status()).as("not approved yet").isEqualTo(400);
    assertThat(cpo.send("POST", "/casefile/access-requests/" + request + "/approve", token,
        Map.of("reason", "Checked")).status()).as("the one who prepared it").isEqualTo(400);
    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    String deputyToken = WebappSession.csrfTokenOf(deputy.page("/casefile/access-requests"));
    assertThat(deputy.page("/casefile/access-requests").body()).contains("The child&#39;s mother", "Tian Subjectaccess");
    assertThat(deputy.send("POST", "/casefile/access-requests/" + request + "/approve", deputyToken,
        Map.of("reason", " ")).status()).as("a reason is required").isEqualTo(400);
    assertThat(deputy.send("POST", "/casefile/access-requests/" + request + "/approve", deputyToken,
        Map.of("reason", "Checked: nothing that puts a child at risk")).status()).isEqualTo(302);

    byte[] pdf = cpo.export("/casefile/access-requests", export);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Tian Subjectaccess-Testchild");
    }
    Map<String, Object> released = jdbc.queryForMap("select * from subject_access_request where id = ?", request);
    assertThat(released.get("APPROVED_BY")).isEqualTo("deputy");
    assertThat(released.get("RELEASED_BY")).isEqualTo("cpo");
    assertThat(released.get("RELEASED_AT")).isNotNull();
    assertThat(jdbc.queryForList("select details from chronology_entry where case_reference = ? and kind = 'EXPORT'",
        String.class, reference).stream().map(cipher::decrypt)).anyMatch(text -> text.contains("request " + request));
  }

  private long reviewOf(long childId) {
    return retentionReview.oldestPendingFor(Set.of(), Integer.MAX_VALUE).oldest().stream().filter(review -> review.childId() == childId).findFirst().orElseThrow()
        .id();
  }

  /** A concern closed at triage, signed off and ended: a file that may be destroyed. */
  private String closedConcern(String childName) {
    CaseSteps steps = new CaseSteps(port, taskService);
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = steps.reportConcern(bruises(childName));
    DueJobs.run(managementService, id);
    steps.decideAuthoritiesNotNow(cpo, id);
    steps.submitOpenTask(cpo, id, form("initialFacts", "Seen by the coach", "authorityReportDue", "no",
        "triageDecision", "close", "triageRationale", "Football accident, two witnesses"));
    steps.signOffTriageClosure(RestApi.as(port, "deputy", "demo"), id);
    steps.submitOpenTask(cpo, id, Map.of("variables", Map.of("outcomeSummary", string("Accidental injury"),
        "caseReviewWanted", Map.of("value", false, "type", "Boolean"), "parentsInformed", string("yes"))));
    DueJobs.run(managementService, id);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isOne();
    return id;
  }
}
