package com.caisschool.safeguarding.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case list and a child's chronology come in pages (README "The case file"): 50 rows a page,
 * the list newest first and the chronology oldest first, next and previous links that keep the
 * filters, filters and the child search applied before paging, the cases about the person asking
 * left out of every page, and a clear 400 for a page that cannot be.
 */
@ApplicationTest
class CaseFilePagingTest {

  private static final String LATEST_DEFINITIONS = "ProcessDefinitionEntity.selectProcessDefinitionsByQueryCriteria";

  @LocalServerPort int port;
  @Autowired Children children;
  @Autowired CaseFiles caseFiles;
  @Autowired Chronology chronology;
  @Autowired JdbcTemplate jdbc;

  private PagedCaseFile file;

  @BeforeEach
  void fileSixtyCasesOfOneChild() {
    file = PagedCaseFile.filed(children, caseFiles, chronology, jdbc, "deputy");
  }

  @Test
  void theCaseListComesInPagesNewestFirstWithTheCasesAboutTheReaderLeftOutOfEvery() {
    file.assertCaseListPages(WebappSession.loggedIn(port, "cpo", "demo"), "cpo");
    file.assertCaseListPages(WebappSession.loggedIn(port, "deputy", "demo"), "deputy");
  }

  @Test
  void aChildsChronologyComesInPagesNumberedAcrossThemWithTheCasesAboutTheReaderLeftOut() {
    file.assertChronologyPages(WebappSession.loggedIn(port, "cpo", "demo"), "cpo");
    file.assertChronologyPages(WebappSession.loggedIn(port, "deputy", "demo"), "deputy");
  }

  /** Every row of a page names its process: the model's name is asked once per page, not per row (issue 25). */
  @Test
  void aPageAsksForTheModelsNameOnceNotOncePerRow() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() ->
        assertThat(PagedCaseFile.references(cpo.page(file.search()).body())).hasSize(PagedCaseFile.PAGE_SIZE));
    assertThat(asked).as("the rows' process, safeguarding-concern, asked once")
        .filteredOn(statement -> statement.mapperStatement().equals(LATEST_DEFINITIONS)
            && statement.sql().contains("'safeguarding-concern'"))
        .hasSize(1);
  }

  @Test
  void filtersNarrowTheListBeforePagingAndItsLinksKeepThem() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String neglect = cpo.page(file.search() + "&category=neglect&state=closed").body();
    // Every second case is about neglect: 30 of 60, one page, newest first.
    List<String> expected = file.newestFirst.stream()
        .filter(reference -> Integer.parseInt(reference.substring(reference.length() - 2)) % 2 == 0).toList();
    assertThat(PagedCaseFile.references(neglect)).containsExactlyElementsOf(expected);
    assertThat(neglect).doesNotContain("rel=\"next\"");
    assertThat(PagedCaseFile.references(cpo.page(file.search() + "&state=open").body())).isEmpty();
    String next = PagedCaseFile.nextLink(cpo.page(file.search() + "&state=closed").body());
    assertThat(next).contains("state=closed").contains("page=2");
  }

  @Test
  void theWholeListPagesWithoutOverlapAndNoPageIsLongerThanTheConfiguredSize() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>();
    String page = "/casefile";
    for (int shown = 0; page != null && shown < 100; shown++) {
      String body = cpo.page(page).body();
      List<String> references = PagedCaseFile.references(body);
      assertThat(references.size()).isLessThanOrEqualTo(PagedCaseFile.PAGE_SIZE);
      // A row is one process: the processes of one case share its reference, and may fall on two pages.
      PagedCaseFile.rows(body).forEach(row -> assertThat(seen.add(row)).as("on one page only: " + row).isTrue());
      all.addAll(references);
      page = body.contains("rel=\"next\"") ? PagedCaseFile.nextLink(body) : null;
    }
    assertThat(all).containsSubsequence(file.newestFirst);
  }

  @Test
  void aPageThatCannotBeIsRefusedWithAClearMessage() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    for (String page : List.of("0", "-1", "abc", "1.5", "99999999999", "1000001")) {
      for (String path : List.of("/casefile?page=", "/casefile/children/" + file.childId + "?page=")) {
        WebappSession.Reply reply = cpo.page(path + page);
        assertThat(reply.status()).as(path + page).isEqualTo(400);
        assertThat(reply.body()).as(path + page).contains("The page is a whole number from 1 to 1000000.")
            .doesNotContain("abc").doesNotContain("Exception");
      }
    }
    WebappSession.Reply state = cpo.page("/casefile?state=bogus");
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.body()).contains("The state is open, closed or empty (any).").doesNotContain("bogus");
  }

  @Test
  void onlyTheCpoAndTheDeputyOpenAnyPage() {
    for (String user : List.of("teacher", "counselor", "principal", "head", "chair", "smt", "admin")) {
      WebappSession session = WebappSession.loggedIn(port, user, "demo");
      for (String page : List.of("/casefile?page=2", file.search() + "&page=2",
          "/casefile/children/" + file.childId + "?page=2")) {
        WebappSession.Reply reply = session.page(page);
        assertThat(reply.status()).as(user + " " + page).isEqualTo(403);
        assertThat(reply.body()).doesNotContain("SC-PAGE-");
      }
    }
    assertThat(WebappSession.anonymous(port).page("/casefile?page=2").redirectsTo("/login")).isTrue();
  }
}
