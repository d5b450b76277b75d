package com.caisschool.safeguarding.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.security.CaseSubjects;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What is done to a child's whole file is done by someone none of its cases is about (here the CPO,
 * for cases about the deputy). A retention decision, destruction included: the person one of the
 * cases is about neither sees the file in the list of files due for review nor decides it, however
 * they ask; that list is one page long, the oldest first, and says how many files wait in all. The
 * child's PDF (for a transfer or the authorities) and a subject access export: they neither make,
 * prepare nor release them (they would leave out, unseen, the case about them); they may approve a
 * subject access export as the second person. The child's date of birth and leaving date, which
 * decide when the file comes up for that decision, are changed only by someone none of its cases is
 * about. A roster import does not name to them a child whose only cases are about them.
 */
@ApplicationTest
class ChildFileWallsTest {

  @LocalServerPort int port;
  @Autowired Children children;
  @Autowired CaseFiles caseFiles;
  @Autowired RetentionReview retention;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseSubjects subjects;

  /** {@code safeguarding.case-file.page-size} as the tests run. */
  private static final int PAGE_SIZE = 50;
  /** The children made here: their files leave the list, and are not flagged again, after each test. */
  private final List<Long> made = new ArrayList<>();

  @AfterEach
  void takeTheirFilesOffTheList() {
    for (long child : made) {
      jdbc.update("delete from retention_review where child_id = ?", child);
      jdbc.update("update child set date_of_birth = null where id = ?", child);
    }
  }

  @Test
  void aFileWithACaseAboutThePersonIsNeitherShownToThemNorDecidedByThem() {
    long everyCaseAboutDeputy = childOfAge26("Walled", true, true);
    long oneCaseAboutDeputy = childOfAge26("Partly", true, false);
    long noCaseAboutDeputy = childOfAge26("Open", false, false);
    retention.flagDue();
    // Flagged long ago, so they are on the list's one page whatever other tests left waiting.
    jdbc.update("update retention_review set flagged_at = ? where child_id in (?, ?, ?)",
        Timestamp.from(Instant.now().minus(Duration.ofDays(3650))), everyCaseAboutDeputy, oneCaseAboutDeputy,
        noCaseAboutDeputy);

    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    String token = WebappSession.csrfTokenOf(deputy.page("/casefile"));
    assertThat(dueForReview(deputy)).contains(linkTo(noCaseAboutDeputy))
        .doesNotContain(linkTo(everyCaseAboutDeputy)).doesNotContain(linkTo(oneCaseAboutDeputy));
    for (long child : List.of(everyCaseAboutDeputy, oneCaseAboutDeputy)) {
      var refused = deputy.send("POST", "/casefile/retention/" + reviewOf(child), token,
          Map.of("decision", "destroy", "reason", "Reached 25"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("unknown or already decided");
      assertThat(caseFiles.ofChild(child)).as("nothing destroyed").isNotEmpty();
      assertThat(reviewOf(child)).as("still waiting for a decision").isNotNull();
    }

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(dueForReview(cpo)).contains(linkTo(noCaseAboutDeputy), linkTo(everyCaseAboutDeputy),
        linkTo(oneCaseAboutDeputy));
    assertThat(cpo.send("POST", "/casefile/retention/" + reviewOf(oneCaseAboutDeputy),
        WebappSession.csrfTokenOf(cpo.page("/casefile")),
        Map.of("decision", "keep", "reason", "Adult services asked us to keep it")).status()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select count(*) from retention_review where child_id = ? and decided_by = 'cpo'",
        Integer.class, oneCaseAboutDeputy)).isOne();
  }

  @Test
  void theListShowsOnePageOfTheOldestFilesAndSaysHowManyWait() {
    String tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
    for (int i = 0; i < PAGE_SIZE + 1; i++) {
      aged26(children.findOrAdd(null, "Waiting " + tag + " " + (char) ('a' + i % 26) + i + "-Testchild", "Grade 9",
          Instant.now()));
    }
    retention.flagDue();
    int waiting = retention.oldestPendingFor(subjects.referencesHiddenFrom("cpo"), Integer.MAX_VALUE).oldest().size();

    String list = dueForReview(WebappSession.loggedIn(port, "cpo", "demo"));
    assertThat(list.split("<tr class=\"review\">", -1)).as("one page of files").hasSize(PAGE_SIZE + 1);
    assertThat(list).contains("The oldest " + PAGE_SIZE + " of " + waiting + " files waiting for a decision");
    assertThat(waiting).isGreaterThan(PAGE_SIZE);
  }

  @Test
  void anExportOfAPersonsDataIsPreparedAndReleasedOnlyBySomeoneNoCaseOfTheChildIsAbout() throws IOException {
    long child = childOfAge26("Access", true, false);
    String path = "/casefile/children/" + child + "/access-requests";
    Map<String, String> request = Map.of("requestedBy", "The young adult", "withheld", "Nothing withheld");
    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    String deputyToken = WebappSession.csrfTokenOf(deputy.page("/casefile/children/" + child));
    assertThat(deputy.send("POST", path, deputyToken, request).status()).as("prepared by the deputy").isEqualTo(404);

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.send("POST", path, WebappSession.csrfTokenOf(cpo.page("/casefile/children/" + child)), request)
        .status()).isEqualTo(302);
    long id = jdbc.queryForObject("select max(id) from subject_access_request where child_id = ?", Long.class, child);
    String export = "/casefile/access-requests/" + id + "/export.pdf";
    assertThat(deputy.send("POST", "/casefile/access-requests/" + id + "/approve", deputyToken,
        Map.of("reason", "Checked: nothing that puts a child at risk")).status()).as("approved by the deputy")
        .isEqualTo(302);
    assertThat(deputy.send("POST", export, deputyToken, Map.of()).status()).as("released by the deputy").isEqualTo(404);
    assertThat(jdbc.queryForObject("select released_at from subject_access_request where id = ?", Timestamp.class, id))
        .isNull();

    assertHoldsEveryCaseOf(child, cpo.export("/casefile/access-requests", export));
  }

  @Test
  void aChildsWholeFileIsExportedOnlyBySomeoneNoneOfItsCasesIsAbout() throws IOException {
    long child = childOfAge26("Transfer", false, true);
    String page = "/casefile/children/" + child;
    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    assertThat(deputy.send("POST", page + "/export.pdf", WebappSession.csrfTokenOf(deputy.page(page)), Map.of())
        .status()).as("the deputy, whom one case is about").isEqualTo(404);

    assertHoldsEveryCaseOf(child, WebappSession.loggedIn(port, "cpo", "demo").export(page, page + "/export.pdf"));
  }

  @Test
  void theDatesThatDecideTheFilesRetentionAreChangedOnlyBySomeoneNoneOfItsCasesIsAbout() {
    long child = childOfAge26("Dates", true, false);
    LocalDate born = children.find(child).orElseThrow().dateOfBirth();
    String page = "/casefile/children/" + child;
    Map<String, String> younger = Map.of("dateOfBirth", "2015-05-01", "leftSchoolOn", "");
    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    assertThat(deputy.send("POST", page, WebappSession.csrfTokenOf(deputy.page(page)), younger).status())
        .as("the deputy, whom one case is about, though they see the other").isEqualTo(404);
    assertThat(children.find(child).orElseThrow().dateOfBirth()).isEqualTo(born);

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.send("POST", page, WebappSession.csrfTokenOf(cpo.page(page)), younger).status()).isEqualTo(302);
    assertThat(children.find(child).orElseThrow().dateOfBirth()).isEqualTo(LocalDate.of(2015, 5, 1));
  }

  @Test
  void aRosterImportDoesNotNameToThePersonAChildWhoseOnlyCasesAreAboutThem() {
    long walled = childOfAge26("Unrostered", true, true);
    String name = children.find(walled).orElseThrow().name();
    String seen = children.find(childOfAge26("Seen", false, false)).orElseThrow().name();
    String roster = String.join(",", RosterImport.HEADER) + "\nRW-" + walled + ",Someone Rostered,,2012-01-01,Grade 9\n";
    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    var deputysImport = deputy.upload("/casefile/roster", WebappSession.csrfTokenOf(deputy.page("/casefile/roster")),
        "roster.csv", roster);
    assertThat(deputysImport.status()).isEqualTo(200);
    assertThat(deputysImport.body()).contains(seen).doesNotContain(name);

    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    assertThat(cpo.upload("/casefile/roster", WebappSession.csrfTokenOf(cpo.page("/casefile/roster")), "roster.csv",
        roster).body()).contains(name);
  }

  private void assertHoldsEveryCaseOf(long child, byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).as("every case of the child, the one about the deputy too")
          .contains(caseFiles.ofChild(child).stream().map(CaseSummary::caseReference).toArray(String[]::new));
    }
  }

  /** A child who turned 26 with two closed cases, each about the deputy or not. */
  private long childOfAge26(String name, boolean firstAboutDeputy, boolean secondAboutDeputy) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Instant opened = Instant.now().minus(Duration.ofDays(400));
    long child = aged26(children.findOrAdd(null, name + " " + tag.replaceAll("[0-9]", "x") + "-Testchild", "Grade 9",
        opened));
    boolean[] aboutDeputy = {firstAboutDeputy, secondAboutDeputy};
    for (int i = 0; i < aboutDeputy.length; i++) {
      String reference = "SC-RETAIN-" + tag + "-" + i;
      caseFiles.opened("retain-" + tag + "-" + i, reference, "safeguarding-concern", child, "neglect", false, opened);
      caseFiles.closed("retain-" + tag + "-" + i, opened.plus(Duration.ofHours(1)));
      if (aboutDeputy[i]) {
        jdbc.update("insert into case_subject (case_reference, user_id, group_id, named_at) values (?, 'deputy', '', ?)",
            reference, Timestamp.from(opened));
      }
    }
    return child;
  }

  private long aged26(long child) {
    jdbc.update("update child set date_of_birth = ? where id = ?",
        Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(26)), child);
    made.add(child);
    return child;
  }

  /** The list of files due for review on the case file page, as this person is shown it. */
  private static String dueForReview(WebappSession session) {
    String page = session.page("/casefile").body();
    return page.substring(page.indexOf("Files due for review"));
  }

  private static String linkTo(long child) {
    return "href=\"/casefile/children/" + child + "\"";
  }

  private Long reviewOf(long child) {
    return jdbc.queryForList("select id from retention_review where child_id = ? and decided_at is null", Long.class,
        child).stream().findFirst().orElse(null);
  }
}
