package com.caisschool.safeguarding.overview;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.WebappSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CPO's overview (issue 23): the cases join the standing duties on one page, for the CPO and
 * the deputy only; an open case is counted by stage and priority, its tasks are listed as due soon
 * and then overdue with links to the task in Tasklist and to the case file; the calendar holds its
 * deadlines; a child is found by name in either script, student ID or grade; a case about the
 * person looking is neither counted nor shown.
 */
@ApplicationTest
class CaseOverviewTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void anOpenCaseIsCountedItsTasksAreDueSoonThenOverdueWithLinksToTheTaskAndTheCaseFile() {
    String id = steps().reportConcern(with(bruises("Olga Overview-Testchild"), "studentId", "S-OV-2301"));
    DueJobs.run(managementService, id);
    String reference = referenceOf(id);
    List<Task> open = taskService.createTaskQuery().processInstanceId(id).list();
    assertThat(open).isNotEmpty();

    String page = cpo().page("/overview").body();
    assertThat(section(page, "open-cases")).contains("Safeguarding concern").contains("Critical")
        .contains("High").contains("Standard");
    assertThat(section(page, "due-soon")).contains(reference).contains("/casefile/cases/" + reference);
    for (Task task : open) {
      assertThat(section(page, "due-soon")).contains("/camunda/app/tasklist/default/#/?task=" + task.getId());
      assertThat(section(page, "calendar")).contains("Deadline: " + task.getName());
    }
    assertThat(section(page, "overdue-tasks")).doesNotContain(reference);
    // The standing duties are on the same page.
    assertThat(page).contains("Standing duties");

    EngineClock.passTime(Duration.ofDays(8));
    String later = cpo().page("/overview").body();
    assertThat(section(later, "overdue-tasks")).contains(reference)
        .contains("/camunda/app/tasklist/default/#/?task=" + open.get(0).getId());
    assertThat(section(later, "due-soon")).doesNotContain(reference);
  }

  @Test
  void aChildIsFoundByNameInEitherScriptByStudentIdAndByGrade() {
    String id = steps().reportConcern(with(bruises("王小芳"), "studentId", "S-OV-2302", "childGrade", "Grade 11Z"));
    DueJobs.run(managementService, id);
    String reference = referenceOf(id);

    for (String search : List.of("王小芳", "S-OV-2302", "grade 11z")) {
      String found = section(cpo().page("/overview?child=" + URLEncoder.encode(search, StandardCharsets.UTF_8)).body(),
          "child-search");
      assertThat(found).as(search).contains("王小芳").contains("/casefile/children/")
          .contains("/casefile/cases/" + reference).contains("/camunda/app/tasklist/default/#/?task=");
    }
    assertThat(section(cpo().page("/overview?child=Nobody+Known-Testchild").body(), "child-search"))
        .contains("No child found");
  }

  @Test
  void aCaseAboutTheDeputyIsNeitherCountedNorShownToThem() {
    String id = steps().reportConcern(with(bruises("Pia Wall-Testchild"), "concernAbout", "staff-or-volunteer",
        "subjectName", "Dana Deputy CPO", "subjectUserId", "deputy"));
    DueJobs.run(managementService, id);
    String reference = referenceOf(id);

    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    String theirs = deputy.page("/overview").body();
    String cpos = cpo().page("/overview").body();
    assertThat(cpos).contains(reference);
    assertThat(theirs).doesNotContain(reference);
    assertThat(section(deputy.page("/overview?child=Pia+Wall-Testchild").body(), "child-search"))
        .doesNotContain("class=\"found-child\"").contains("No child found");
    assertThat(openCases(theirs)).isLessThan(openCases(cpos));
  }

  @Test
  void theHeadOfSchoolSeesTheStandingDutiesButNoCase() {
    String id = steps().reportConcern(bruises("Rhea Headview-Testchild"));
    String page = WebappSession.loggedIn(port, "head", "demo").page("/overview").body();
    assertThat(page).contains("Standing duties").doesNotContain("id=\"open-cases\"")
        .doesNotContain(referenceOf(id)).doesNotContain("Find a child");
    assertThat(WebappSession.loggedIn(port, "teacher", "demo").get("/overview").status()).isEqualTo(403);
  }

  private static int openCases(String page) {
    String heading = section(page, "open-cases");
    return Integer.parseInt(heading.replaceFirst("(?s).*?Open cases: (\\d+).*", "$1"));
  }

  /** The HTML of one section of the page, by its id. */
  static String section(String page, String id) {
    int start = page.indexOf("<section id=\"" + id + "\"");
    assertThat(start).as("section " + id).isNotNegative();
    return page.substring(start, page.indexOf("</section>", start));
  }

  private WebappSession cpo() {
    return WebappSession.loggedIn(port, "cpo", "demo");
  }

  private CaseSteps steps() {
    return new CaseSteps(port, taskService);
  }

  private String referenceOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }
}
