package com.caisschool.safeguarding.cover;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cover page: the CPO records a trip with who covers, sees it, cancels it; bad entries are refused clearly; staff cannot open it. */
@ApplicationTest
class CoverPageTest {

  @LocalServerPort int port;
  @Autowired Absences absences;
  @Autowired CoverPlan plan;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void removeWhatThePageRecorded() {
    jdbc.update("delete from cover_absence where absent_user = 'cpo' and recorded_by = 'cpo'");
  }

  @Test
  void theCpoRecordsATripWithTheCoverSeesItAndCancelsIt() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    LocalDate from = plan.today().plusDays(10);
    String token = WebappSession.csrfTokenOf(cpo.page("/cover"));

    var recorded = cpo.send("POST", "/cover", token, Map.of("absentUser", "cpo", "from", from.toString(),
        "to", from.plusDays(4).toString(), "coverUser", "deputy"));

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
    assertThat(absences.from(plan.today())).filteredOn(a -> a.absentUser().equals("cpo"))
        .singleElement().satisfies(a -> {
          assertThat(a.from()).isEqualTo(from);
          assertThat(a.to()).isEqualTo(from.plusDays(4));
          assertThat(a.coverUser()).isEqualTo("deputy");
          assertThat(a.recordedBy()).isEqualTo("cpo");
        });
    var page = cpo.page("/cover");
    assertThat(page.body()).contains(from.toString()).contains("deputy");

    long id = absences.from(plan.today()).stream().filter(a -> a.absentUser().equals("cpo")).findFirst().orElseThrow().id();
    var cancelled = cpo.send("POST", "/cover/" + id + "/cancel", WebappSession.csrfTokenOf(page), Map.of());
    assertThat(cancelled.status()).isEqualTo(302);
    assertThat(absences.from(plan.today())).noneMatch(a -> a.id() == id);
  }

  @Test
  void badEntriesAreRefusedWithWhatToFixAndNothingIsRecorded() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    String token = WebappSession.csrfTokenOf(cpo.page("/cover"));
    String today = plan.today().toString();

    assertRefused(cpo, token, Map.of("absentUser", "cpo", "from", "next Tuesday", "to", today, "coverUser", "deputy"),
        "First day away: a date such as", "next Tuesday");
    assertRefused(cpo, token, Map.of("absentUser", "cpo", "from", today, "to", plan.today().minusDays(1).toString(),
        "coverUser", "deputy"), "on or after the first day", null);
    assertRefused(cpo, token, Map.of("absentUser", "cpo", "from", today, "to", today, "coverUser", "cpo"),
        "someone other than the person who is away", null);
    assertRefused(cpo, token, Map.of("absentUser", "teacher", "from", today, "to", today, "coverUser", "deputy"),
        "Who is away: choose a member of", null);
    assertRefused(cpo, token, Map.of("absentUser", "cpo", "from", today, "to", today, "coverUser", "tripleader"),
        "Who covers: choose a member of", null);
    var unknown = cpo.send("POST", "/cover/999999/cancel", token, Map.of());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(absences.from(plan.today())).noneMatch(a -> a.recordedBy().equals("cpo"));
  }

  @Test
  void staffCannotOpenOrUseThePage() {
    WebappSession teacher = WebappSession.loggedIn(port, "teacher", "demo");

    assertThat(teacher.get("/cover").status()).isEqualTo(403);
  }

  private static void assertRefused(WebappSession user, String token, Map<String, String> fields, String message,
      String notRepeated) {
    var reply = user.send("POST", "/cover", token, fields);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains(message);
    if (notRepeated != null) {
      assertThat(reply.body()).doesNotContain(notRepeated);
    }
  }
}
