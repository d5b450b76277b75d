package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.WebappSession;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The roster import: repeatable, reported (added, changed, refused, unmatched); a child recorded
 * from a report is linked by name in either script; later reports link by student id; the date of
 * birth sets the retention date.
 */
@ApplicationTest
class RosterImportTest {

  static final String HEADER = "student_id,name_latin,name_chinese,date_of_birth,grade\n";

  @LocalServerPort int port;
  @Autowired RosterImport roster;
  @Autowired Children children;
  @Autowired CaseFiles caseFiles;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void aRosterIsImportedRepeatablyWithAReportAndReportsLinkToTheRosteredChild() {
    String reported = reference(new CaseSteps(port, taskService).reportConcern(bruises("林美玲")));
    long reportedChild = caseFiles.ofCase(reported).get(0).childId();
    String csv = HEADER
        + "RT-1001,Lin Meiling,林美玲,2014-05-02,Grade 6\n"
        + "RT-1002,\"Chen, Hao\",陈浩,2013-09-30,Grade 7\n"
        + "RT-1003,,,2013-01-01,Grade 7\n"
        + "RT-1004,Wu Lei,吴磊,not-a-date,Grade 7\n";

    RosterImport.Result first = roster.importCsv(new StringReader(csv), Instant.now());
    assertThat(first.added()).isEqualTo(1);
    assertThat(first.changed()).as("the child of the report, linked by its Chinese name").isEqualTo(1);
    assertThat(first.refusedLines()).containsExactly("line 4: a name is required (name_latin or name_chinese)",
        "line 5: date_of_birth is not a date (YYYY-MM-DD)");
    Child linked = children.find(reportedChild).orElseThrow();
    assertThat(linked.studentId()).isEqualTo("RT-1001");
    assertThat(linked.name()).isEqualTo("Lin Meiling");
    assertThat(linked.dateOfBirth()).isEqualTo(LocalDate.of(2014, 5, 2));
    assertThat(children.search("Chen, Hao")).singleElement().satisfies(child -> {
      assertThat(child.grade()).isEqualTo("Grade 7");
      assertThat(child.studentId()).isEqualTo("RT-1002");
    });
    assertThat(first.unmatched()).extracting(Child::id).doesNotContain(reportedChild);

    RosterImport.Result again = roster.importCsv(new StringReader(csv), Instant.now());
    assertThat(again.added()).isZero();
    assertThat(again.changed()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
    RosterImport.Result nextYear = roster.importCsv(new StringReader(csv.replace("2014-05-02,Grade 6",
        "2014-05-02,Grade 7")), Instant.now());
    assertThat(nextYear.changed()).isEqualTo(1);
    assertThat(children.find(reportedChild).orElseThrow().grade()).isEqualTo("Grade 7");

    String byStudentId = reference(new CaseSteps(port, taskService).reportConcern(with(bruises("Meiling L."),
        "studentId", "RT-1001")));
    assertThat(caseFiles.ofCase(byStudentId).get(0).childId()).isEqualTo(reportedChild);
    String byLatinName = reference(new CaseSteps(port, taskService).reportConcern(bruises("lin  meiling")));
    assertThat(caseFiles.ofCase(byLatinName).get(0).childId()).isEqualTo(reportedChild);

    String page = WebappSession.loggedIn(port, "cpo", "demo").page("/casefile/children/" + reportedChild).body();
    assertThat(page).contains("林美玲").contains("Kept until 2039-05-02");
  }

  @Test
  void aFileWithoutTheRosterHeaderIsRefusedWhole() {
    assertThatThrownBy(() -> roster.importCsv(new StringReader("id,name\nX1,Somebody\n"), Instant.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("student_id,name_latin")
        .hasMessageNotContaining("Somebody");
  }

  @Test
  void theCpoUploadsTheRosterOnItsPageAndSeesTheReport() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    WebappSession.Reply page = cpo.page("/casefile/roster");
    assertThat(page.status()).isEqualTo(200);
    WebappSession.Reply result = cpo.upload("/casefile/roster", WebappSession.csrfTokenOf(page), "roster.csv",
        HEADER + "RT-2001,Upload Testchild,上传测试,2015-02-03,Grade 5\n");
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).contains("Added: 1").contains("Lines refused: 0");
  }

  private String reference(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }
}
