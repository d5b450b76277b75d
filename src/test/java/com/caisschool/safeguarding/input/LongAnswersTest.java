package com.caisschool.safeguarding.input;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.ParallelReportRun;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.Map;
import com.caisschool.safeguarding.casefile.Children;
import com.caisschool.safeguarding.casefile.Chronology;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;


/** Long answers on the embedded default (H2); {@link LongAnswersPostgresTest} runs the same on PostgreSQL. */
@ApplicationTest
class LongAnswersTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired Chronology chronology;
  @Autowired Children children;

  LongAnswers answers() {
    return new LongAnswers(RestApi.as(port, "teacher", "demo"), RestApi.as(port, "cpo", "demo"), runtimeService,
        historyService, taskService, chronology,
        children);
  }

  @Test
  void aDisclosureOfPagesIsKeptWholeFromTheReportToTheTriageDecision() {
    answers().keptWholeThroughReportAndTriage();
  }

  @Test
  void anAnswerOverTheLimitIsRefusedNamingTheFieldAndNothingStarts() {
    answers().overTheLimitRefused();
  }

  @Test
  void aGradeOrStudentIdLongerThanTheOldColumnsIsKeptAndOneOverTheLimitRefused() {
    answers().namesUpToTheLimitKept();
  }

  @Test
  void thirtyReportsSentAtOnceAllSucceed() throws Exception {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    var answers = ParallelReportRun.send(30, n -> teacher.post(ConcernReports.SUBMIT,
        Map.of("variables", bruises("Parallel " + n + "-Testchild"))).status());
    System.out.println("30 parallel reports on H2: " + ParallelReportRun.summary(answers));
    assertThat(answers).extracting(ParallelReportRun.Answer::status).containsOnly(200);
  }

  static Map<String, Object> with(Map<String, Object> report, String key, String value) {
    Map<String, Object> changed = new java.util.HashMap<>(report);
    changed.put(key, string(value));
    return changed;
  }
}
