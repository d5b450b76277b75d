package com.caisschool.safeguarding.boardreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The board report in the running application, on case files of a year no other test uses (2031):
 * six physical-abuse concerns and three of neglect. The page, the CSV and the PDF show figures
 * only, suppress the small count, and only the CPO, the deputy and the Head may read them.
 */
@ApplicationTest
class BoardReportTest {

  static final String CHILD = "Quentin Boardreport-Testchild";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void caseFilesOf2031() {
    jdbc.update("insert into child (name, grade, created_at) values (?, 'Grade 4', ?)", CHILD,
        Timestamp.from(Instant.parse("2031-03-01T00:00:00Z")));
    Long child = jdbc.queryForObject("select id from child where name = ?", Long.class, CHILD);
    for (int i = 0; i < 9; i++) {
      jdbc.update("insert into case_file (process_instance_id, case_reference, process_key, child_id, categories,"
          + " reported_late, opened_at, closed_at, course_of_action) values (?, ?, 'safeguarding-concern', ?, ?, ?, ?, ?, ?)",
          "board-report-test-" + i, "SC-2031-BRTEST" + i, child, i < 6 ? "physical-abuse" : "neglect", i == 0,
          Timestamp.from(Instant.parse("2031-03-0" + (i + 1) + "T02:00:00Z")),
          Timestamp.from(Instant.parse("2031-05-01T02:00:00Z")), "monitor");
    }
  }

  @AfterEach
  void removeThem() {
    jdbc.update("delete from case_file where process_instance_id like 'board-report-test-%'");
    jdbc.update("delete from child where name = ?", CHILD);
  }

  @Test
  void figuresOnlyWithSmallCountsSuppressedOnThePageInTheCsvAndInThePdf() throws IOException {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String page = cpo.page("/board-report?year=2031").body();
    // Categories and courses of action as the forms label them (issue 23), not their codes.
    assertThat(page).contains("Concerns by category").contains("Physical abuse").contains(">6<")
        .contains("Course of action: Monitor: a monitoring plan with regular reviews").contains(">9<")
        .doesNotContain("physical-abuse");
    assertThat(page.substring(page.indexOf("Neglect"))).startsWith("Neglect").contains("fewer than 5");
    assertThat(page).doesNotContain("Quentin").doesNotContain("SC-2031").doesNotContain("board-report-test");

    String csv = new String(cpo.download("/board-report.csv?year=2031"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).contains("\"Concerns by category\",\"Physical abuse\",6,,\"6\"")
        .contains("\"Concerns by category\",\"Neglect\",,,\"fewer than 5\"")
        .doesNotContain("Quentin").doesNotContain("SC-2031");

    String pdf;
    try (PDDocument document = Loader.loadPDF(cpo.download("/board-report.pdf?year=2031"))) {
      pdf = new PDFTextStripper().getText(document);
    }
    assertThat(pdf).contains("Annual safeguarding report 2031").contains("Physical abuse").contains("fewer than 5")
        .doesNotContain("Quentin").doesNotContain("SC-2031");
  }

  @Test
  void onlyTheCpoTheDeputyAndTheHeadReadIt() {
    for (String reader : new String[] {"cpo", "deputy", "head"}) {
      assertThat(WebappSession.loggedIn(port, reader, "demo").get("/board-report?year=2031").status()).as(reader)
          .isEqualTo(200);
    }
    for (String other : new String[] {"teacher", "hr", "smt", "counselor"}) {
      WebappSession session = WebappSession.loggedIn(port, other, "demo");
      assertThat(session.get("/board-report?year=2031").status()).as(other).isEqualTo(403);
      assertThat(session.get("/board-report.csv?year=2031").status()).as(other).isEqualTo(403);
    }
  }

  @Test
  void aYearOutOfRangeIsAClearBadRequest() {
    WebappSession.Reply reply = WebappSession.loggedIn(port, "cpo", "demo").get("/board-report?year=99999");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).doesNotContain("Exception");
  }
}
