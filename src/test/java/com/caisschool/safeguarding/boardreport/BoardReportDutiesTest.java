package com.caisschool.safeguarding.boardreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board report counts the year's recruitments and school trips (issue 22) as figures only: no
 * name, no post, no trip; small counts suppressed like every other figure.
 */
@ApplicationTest
class BoardReportDutiesTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeThem() {
    ClockUtil.reset();
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test over");
      }
      historyService.deleteHistoricProcessInstance(id);
    }
  }

  @Test
  void recruitmentsAndTripsOfTheYearAreCountedWithoutNames() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-03-01T02:00:00Z")));
    for (int i = 0; i < 6; i++) {
      started.add(runtimeService.startProcessInstanceByKey("school-trip", Map.of("tripTitle", "Trip-Board-Q" + i,
          "destination", "Jilin", "departureDate", "2032-05-0" + (i + 1), "returnDate", "2032-05-0" + (i + 2),
          "studentCount", 20)).getId());
    }
    for (int i = 0; i < 2; i++) {
      started.add(runtimeService.startProcessInstanceByKey("safer-recruitment", Map.of("personName",
          "Recruit-Board-Q" + i, "staffUserId", "rbq" + i, "personType", "employee", "postTitle", "Post-Board-Q",
          "startDate", "2032-08-20", "countriesLived", "China")).getId());
    }
    ClockUtil.reset();

    String csv = new String(WebappSession.loggedIn(port, "cpo", "demo").download("/board-report.csv?year=2032"),
        StandardCharsets.UTF_8);
    String section = "\"Safer recruitment, trips and campus safety\"";
    assertThat(csv).contains(section + ",\"School trips registered\",6,,\"6\"")
        .contains(section + ",\"Adults recruited (records opened)\",,,\"fewer than 5\"")
        .doesNotContain("Trip-Board-Q").doesNotContain("Recruit-Board-Q").doesNotContain("Post-Board-Q");
    String page = WebappSession.loggedIn(port, "head", "demo").page("/board-report?year=2032").body();
    assertThat(page).contains("School trips registered").doesNotContain("Trip-Board-Q").doesNotContain("Recruit-Board-Q");
  }
}
