package com.caisschool.safeguarding.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link CaseFilePagingTest} on PostgreSQL in the production profile: the same pages, order,
 * numbering and walls (the paging SQL, its LIMIT/OFFSET and the index of V74 on the production
 * database), and the list's first page read through the index rather than by sorting every case.
 */
@PostgresApplicationTest
class CaseFilePagingPostgresTest {

  @LocalServerPort int port;
  @Autowired Children children;
  @Autowired CaseFiles caseFiles;
  @Autowired Chronology chronology;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCaseListAndAChildsChronologyComeInPagesWithTheWallsHeld() {
    PagedCaseFile file = PagedCaseFile.filed(children, caseFiles, chronology, jdbc, PostgresUsers.DEPUTY);
    for (String user : new String[] {PostgresUsers.CPO, PostgresUsers.DEPUTY}) {
      WebappSession session = WebappSession.loggedIn(port, user, PostgresNode.PASSWORD);
      file.assertCaseListPages(session, user);
      file.assertChronologyPages(session, user);
    }
    WebappSession teacher = WebappSession.loggedIn(port, PostgresUsers.TEACHER, PostgresNode.PASSWORD);
    assertThat(teacher.page(file.search() + "&page=2").status()).isEqualTo(403);
  }

  @Test
  void theListsFirstPageIsReadThroughTheIndexNewestFirst() {
    // Without ANALYZE a small table may be read whole whatever the indexes: the plan is asked for
    // as it would be with many cases (sequential reads discouraged for this statement only).
    String plan = String.join("\n", jdbc.execute((java.sql.Connection connection) -> {
      try (var statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        statement.execute("set local enable_seqscan = off");
        statement.execute("set local enable_sort = off");
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (var rows = statement.executeQuery("explain select f.process_instance_id from case_file f"
            + " left join child c on c.id = f.child_id order by f.opened_at desc, f.process_instance_id desc"
            + " limit 51 offset 0")) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
        connection.rollback();
        connection.setAutoCommit(true);
        return lines;
      }
    }));
    assertThat(plan).contains("Index Scan Backward using case_file_opened");
  }
}
