package com.caisschool.safeguarding.accesslog;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.caisschool.safeguarding.casefile.CaseFiles;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access log of reads: every view of a case's facts, through whichever door, is recorded with
 * who, which case and which way in; lists and refused reads are not; the CPO sees, per child, who
 * has looked, and looking is recorded too; the log cannot be changed from the pages.
 */
@ApplicationTest
class AccessLogTest {

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseReads reads;
  @Autowired CaseFiles caseFiles;

  @Test
  void readsThroughTasklistCockpitAndTheRestApiAreRecordedWithWhoAndWayIn() {
    String id = steps().reportConcern(bruises("Uma Accesslog-Testchild"));
    String reference = referenceOf(id);
    String taskId = steps().openTasks(id).get(0).getId();
    assertThat(reads.ofCase(reference)).as("reporting reads nothing").isEmpty();

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.get(WEBAPP_ENGINE + "/task/" + taskId + "/form-variables").status()).isEqualTo(200);
    assertThat(cpo.post(WEBAPP_ENGINE + "/variable-instance?deserializeValues=false",
        Map.of("processInstanceIdIn", List.of(id))).status()).isEqualTo(200);
    RestApi deputy = RestApi.as(port, "deputy", "demo");
    assertThat(deputy.get("/process-instance/" + id + "/variables").status()).isEqualTo(200);
    assertThat(deputy.get("/history/variable-instance?processInstanceId=" + id).status()).isEqualTo(200);
    assertThat(deputy.get("/task/" + taskId + "/variables").status()).isEqualTo(200);

    assertThat(reads.ofCase(reference)).extracting(CaseRead::reader, CaseRead::wayIn, CaseRead::what)
        .containsExactlyInAnyOrder(
            tuple("cpo", WayIn.TASK_FORM, "task form variables"),
            tuple("cpo", WayIn.COCKPIT, "variable query"),
            tuple("deputy", WayIn.REST_API, "process variables"),
            tuple("deputy", WayIn.REST_API, "variable history query"),
            tuple("deputy", WayIn.REST_API, "task variables"));
  }

  @Test
  void listsWritesAndRefusedReadsAreNotRecorded() {
    String id = steps().reportConcern(bruises("Vera Nolog-Testchild"));
    String reference = referenceOf(id);
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    WebappSession cpoInBrowser = WebappSession.loggedIn(port, "cpo", "demo");

    assertThat(cpo.get("/task?processInstanceId=" + id).status()).isEqualTo(200);
    assertThat(cpo.get("/process-instance?businessKey=" + reference).status()).isEqualTo(200);
    assertThat(cpo.get("/variable-instance/count?processInstanceIdIn=" + id).status()).isEqualTo(200);
    assertThat(cpoInBrowser.get(WEBAPP_ENGINE + "/task?processInstanceId=" + id).status()).isEqualTo(200);
    assertThat(cpoInBrowser.page("/casefile").status()).isEqualTo(200);
    assertThat(cpo.get("/process-instance/" + id + "/variables/noSuchVariable").status()).isEqualTo(404);
    assertThat(cpo.put("/process-instance/" + id + "/variables/note", Map.of("value", "x", "type", "String"))
        .status()).as("a write, not a read").isIn(204, 403);

    assertThat(reads.ofCase(reference)).isEmpty();
  }

  @Test
  void theCpoSeesPerChildWhoHasLookedAndLookingIsRecordedToo() {
    String child = "Wen Looked-Testchild";
    String first = referenceOf(steps().reportConcern(bruises(child)));
    String second = referenceOf(steps().reportConcern(bruises(child)));
    String otherChild = referenceOf(steps().reportConcern(bruises("Xia Otherchild-Testchild")));
    long childId = caseFiles.ofCase(first).get(0).childId();

    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    assertThat(deputy.page("/casefile/cases/" + first).status()).isEqualTo(200);
    assertThat(deputy.page("/casefile/cases/" + otherChild).status()).isEqualTo(200);
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.page("/casefile/children/" + childId).status()).isEqualTo(200);
    cpo.export("/casefile/cases/" + second, "/casefile/cases/" + second + "/export.pdf");

    String log = cpo.page("/casefile/children/" + childId + "/reads").body();
    assertThat(log).contains("deputy").contains("Case file page").contains("Child&#39;s file page")
        .contains("PDF export").contains(first).contains(second).doesNotContain(otherChild);
    assertThat(reads.ofCase(second)).extracting(CaseRead::reader, CaseRead::wayIn).containsExactly(
        tuple("cpo", WayIn.ACCESS_LOG), tuple("cpo", WayIn.PDF_EXPORT), tuple("cpo", WayIn.CASE_FILE),
        tuple("cpo", WayIn.CHILD_FILE));
    assertThat(reads.ofChild(childId)).filteredOn(read -> read.wayIn() == WayIn.ACCESS_LOG)
        .extracting(CaseRead::caseReference).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void theLogCannotBeChangedFromItsPage() {
    String reference = referenceOf(steps().reportConcern(bruises("Yusuf Unchanged-Testchild")));
    long childId = caseFiles.ofCase(reference).get(0).childId();
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String token = WebappSession.csrfTokenOf(cpo.page("/casefile/children/" + childId));
    List<CaseRead> before = reads.ofCase(reference);

    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      assertThat(cpo.send(method, "/casefile/children/" + childId + "/reads", token, Map.of("reader", "nobody"))
          .status()).as(method).isIn(404, 405);
    }
    assertThat(reads.ofCase(reference)).isEqualTo(before);
  }

  private String referenceOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }
}
