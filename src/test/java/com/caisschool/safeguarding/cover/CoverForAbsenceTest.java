package com.caisschool.safeguarding.cover;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.casefile.ChronologyEntry;
import com.caisschool.safeguarding.casefile.EntryKind;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * While the CPO is away, the CPO's new tasks and alerts reach the cover at once (not after a
 * deadline), the case file says who acted under cover; with the CPO and the deputy both away the
 * Head of School is the fallback, unless the case is about the Head; a subject never gets it.
 */
@ApplicationTest
class CoverForAbsenceTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Absences absences;
  @Autowired CoverPlan plan;
  @Autowired Chronology chronology;
  @Autowired Notifier notifier;

  private final List<Long> recorded = new ArrayList<>();

  @AfterEach
  void removeTheAbsences() {
    recorded.forEach(id -> jdbc.update("delete from cover_absence where id = ?", id));
  }

  @Test
  void whileTheCpoIsAwayTheTriageGoesToTheCoverAtOnceAndTheCaseFileSaysWhoActedUnderCover() {
    away("cpo", "deputy");
    String id = reported(bruises("Mia Covered-Testchild"));

    // The triage is the CPO's alone (group cpo): the deputy is offered it as it is created.
    Task triage = task(id, "user_task_cpo_triage");
    assertThat(candidateUsers(triage)).containsExactly("deputy");
    // The new-concern alert to the CPO and the deputy reached the deputy already: nobody is added.
    assertThat(recipientsOf(referenceOf(id), "new-concern")).isEqualTo("cpo,dcpo");
    assertThat(candidateGroups(triage)).contains("cpo");
    RestApi deputy = RestApi.as(port, "deputy", "demo");
    new CaseSteps(port, taskService).decideAuthoritiesNotNow(deputy, id);
    new CaseSteps(port, taskService).submitTask(deputy, id, "user_task_cpo_triage", form("initialFacts",
        "Class teacher confirms", "authorityReportDue", "no", "triageDecision", "case-study-team",
        "triageRationale", "Needs the team"));

    List<ChronologyEntry> covered = chronology.ofCase(referenceOf(id)).stream()
        .filter(entry -> entry.kind() == EntryKind.ACTED_UNDER_COVER).toList();
    assertThat(covered).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("deputy");
      assertThat(entry.stepId()).isEqualTo("user_task_cpo_triage");
      assertThat(entry.details()).contains("under cover for the cpo").contains("cpo away");
    });
    // The first-hour decision was the deputy's own task too (group dcpo): not under cover.
    assertThat(covered).noneMatch(entry -> entry.stepId().equals("user_task_authority_decision"));
  }

  @Test
  void anAlertToTheAbsentCpoAlsoReachesTheCoverAtOnce() {
    away("cpo", "counselor");
    String reference = referenceOf(reported(bruises("Noor Alerted-Testchild")));

    notifier.send(new Notification(reference, "cover-test-alert", List.of("cpo"), null, null));

    assertThat(recipientsOf(reference, "cover-test-alert")).isEqualTo("cpo,user:counselor");
    assertThat(recipientsOf(reference, "new-concern")).isEqualTo("cpo,dcpo,user:counselor");
  }

  @Test
  void withTheCpoAndTheDeputyBothAwayTheHeadOfSchoolTakesIt() {
    away("cpo", "deputy");
    away("deputy", "cpo");
    String id = reported(bruises("Omar Fallback-Testchild"));

    assertThat(candidateUsers(task(id, "user_task_cpo_triage"))).contains("head").doesNotContain("cpo", "deputy");
    // The Head may open the task and the case it belongs to (case access follows the candidates).
    assertThat(RestApi.as(port, "head", "demo").get("/task?processInstanceId=" + id).body())
        .contains("user_task_cpo_triage");
    assertThat(candidateUsers(task(id, "user_task_authority_decision"))).contains("head");
    notifier.send(new Notification(referenceOf(id), "cover-test-alert", List.of("cpo"), null, null));
    assertThat(recipientsOf(referenceOf(id), "cover-test-alert")).contains("user:head");
  }

  @Test
  void aCaseAboutTheHeadPassesTheHeadByAndGoesToTheBoardChair() {
    away("cpo", "deputy");
    away("deputy", "cpo");
    String id = reported(with(bruises("Pia AboutTheHead-Testchild"), "concernAbout", "head-of-school",
        "subjectName", "Harper Head", "subjectUserId", "head"));

    assertThat(candidateUsers(task(id, "user_task_cpo_triage"))).contains("chair").doesNotContain("head");
    notifier.send(new Notification(referenceOf(id), "cover-test-alert", List.of("cpo"), null, null));
    assertThat(recipientsOf(referenceOf(id), "cover-test-alert")).contains("user:chair").doesNotContain("user:head");
  }

  @Test
  void aNamedCoverTheCaseIsAboutNeverGetsItTheDeputyDoes() {
    away("cpo", "head");
    String id = reported(with(bruises("Quin NamedSubject-Testchild"), "concernAbout", "head-of-school",
        "subjectName", "Harper Head", "subjectUserId", "head"));

    assertThat(candidateUsers(task(id, "user_task_cpo_triage"))).containsExactly("deputy");
  }

  @Test
  void nobodyAwayNobodyAdded() {
    String id = reported(bruises("Rui Present-Testchild"));

    assertThat(candidateUsers(task(id, "user_task_cpo_triage"))).isEmpty();
  }

  @Test
  void aCancelledOrFinishedAbsenceNoLongerCounts() {
    LocalDate today = plan.today();
    recorded.add(absences.record("cpo", today.minusDays(5), today.minusDays(1), "deputy", "cpo", Instant.now()));
    long cancelled = absences.record("cpo", today, today.plusDays(2), "deputy", "cpo", Instant.now());
    recorded.add(cancelled);
    absences.cancel(cancelled, "cpo", Instant.now());

    String id = reported(bruises("Sol Back-Testchild"));

    assertThat(candidateUsers(task(id, "user_task_cpo_triage"))).isEmpty();
  }

  private void away(String user, String cover) {
    LocalDate today = plan.today();
    recorded.add(absences.record(user, today.minusDays(1), today.plusDays(3), cover, user, Instant.now()));
  }

  private String reported(Map<String, Object> report) {
    String id = new CaseSteps(port, taskService).reportConcern(report);
    DueJobs.run(managementService, id);
    return id;
  }

  private String referenceOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getBusinessKey();
  }

  private Task task(String processInstanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  private List<String> candidateUsers(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private String recipientsOf(String reference, String kind) {
    return jdbc.queryForObject("select recipients from notification where case_reference = ? and kind = ?",
        String.class, reference, kind);
  }
}
