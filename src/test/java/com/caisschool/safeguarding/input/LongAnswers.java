package com.caisschool.safeguarding.input;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.casefile.Child;
import com.caisschool.safeguarding.casefile.Children;
import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.casefile.ChronologyEntry;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** The checks of long answers, run against H2 and PostgreSQL alike. */
record LongAnswers(RestApi teacher, RestApi cpo, RuntimeService runtime, HistoryService history, TaskService tasks,
    Chronology chronology, Children children) {

  /** 30,000 characters of Chinese and English: about fifteen printed pages. */
  static String pages(String marker) {
    StringBuilder text = new StringBuilder(marker).append(' ');
    while (text.length() < 30_000) {
      text.append("她说爸爸生气的时候会抓她的胳膊。 She said it happened again on Sunday evening. ");
    }
    return text.append(" END-").append(marker).toString();
  }

  void keptWholeThroughReportAndTriage() {
    String account = pages("ACCOUNT");
    String words = pages("WORDS");
    RestApi.Reply started = teacher.post(ConcernReports.SUBMIT, Map.of("variables",
        LongAnswersTest.with(LongAnswersTest.with(bruises("Long Account-Testchild"), "observations", account),
            "disclosure", words)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("id").asText();
    assertThat(runtime.getVariable(id, "observations")).isEqualTo(account);
    assertThat(runtime.getVariable(id, "disclosure")).isEqualTo(words);

    String taskId = cpo.get("/task?processInstanceId=" + id).json().get(0).path("id").asText();
    RestApi.Reply shown = cpo.get("/task/" + taskId + "/form-variables");
    assertThat(shown.json().path("observations").path("value").asText()).isEqualTo(account);
    assertThat(shown.json().path("observations").path("type").asText()).isEqualTo("String");

    String facts = pages("FACTS");
    RestApi.Reply triaged = cpo.post("/task/" + taskId + "/submit-form", form("initialFacts", facts,
        "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    assertThat(triaged.status()).as(triaged.body()).isIn(200, 204);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("initialFacts")
        .singleResult().getValue()).isEqualTo(facts);
    String reference = started.json().path("businessKey").asText();
    // Read through the case file: the columns hold them encrypted (atrest).
    assertThat(chronology.ofCase(reference).stream().map(ChronologyEntry::details).filter(d -> d != null).toList()).anySatisfy(details -> assertThat(details).contains(account))
        .anySatisfy(details -> assertThat(details).contains(facts));
  }

  void overTheLimitRefused() {
    long before = runtime.createProcessInstanceQuery().count();
    RestApi.Reply refused = teacher.post(ConcernReports.SUBMIT, Map.of("variables",
        LongAnswersTest.with(bruises("Too Long-Testchild"), "observations", "x".repeat(50_001))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("'observations'").contains("50000")
        .doesNotContain("xxx");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  void namesUpToTheLimitKept() {
    String grade = "Grade 7, class of Ms. Wang, ".repeat(7).substring(0, 190);
    RestApi.Reply started = teacher.post(ConcernReports.SUBMIT, Map.of("variables", LongAnswersTest.with(
        LongAnswersTest.with(bruises("Long Grade-Testchild"), "childGrade", grade), "studentId", "S".repeat(150))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(children.search("Long Grade-Testchild")).extracting(Child::grade).contains(grade);

    long before = runtime.createProcessInstanceQuery().count();
    RestApi.Reply refused = teacher.post(ConcernReports.SUBMIT, Map.of("variables",
        LongAnswersTest.with(bruises("Too Long Grade-Testchild"), "childGrade", "G".repeat(201))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("'childGrade'").doesNotContain("GGG");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
