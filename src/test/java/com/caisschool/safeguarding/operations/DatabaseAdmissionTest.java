package com.caisschool.safeguarding.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A node whose every place for database work is taken (issue 18, many reports at once) keeps the
 * next request waiting for a place, then tells it plainly that nothing was saved (503), and starts
 * nothing; once a place is free the same request succeeds. (Thirty reports at once all succeed:
 * LongAnswersTest, LongAnswersPostgresTest.)
 */
@ApplicationTest
class DatabaseAdmissionTest {

  @LocalServerPort int port;
  @Autowired DatabaseAdmission admission;
  @Autowired RuntimeService runtimeService;
  @Value("${safeguarding.admission.concurrent-requests}") int places;

  @Test
  void aRequestFindingEveryPlaceTakenIsToldNothingWasSavedAndSucceedsOnceOneIsFree() {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    var report = Map.<String, Object>of("variables", ConcernReports.bruises("Busy Rest-Testchild"));
    long before = runtimeService.createProcessInstanceQuery().count();
    List<DatabaseAdmission.Place> everyPlace = new ArrayList<>();
    RestApi.Reply refused;
    try {
      for (int i = 0; i < places; i++) {
        everyPlace.add(admission.tryEnter().orElseThrow());
      }
      refused = teacher.post(ConcernReports.SUBMIT, report);
    } finally {
      everyPlace.forEach(DatabaseAdmission.Place::close);
    }
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().path("message").asText()).contains("nothing was saved").contains("try again");
    assertThat(refused.body()).doesNotContain("Busy Rest-Testchild");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);

    RestApi.Reply sent = teacher.post(ConcernReports.SUBMIT, report);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
  }
}
