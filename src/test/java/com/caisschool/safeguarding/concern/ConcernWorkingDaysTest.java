package com.caisschool.safeguarding.concern;

import static com.caisschool.safeguarding.concern.ConcernTestData.bruiseReport;
import static com.caisschool.safeguarding.concern.ConcernTestData.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import com.caisschool.safeguarding.testing.StubPathways;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The concern's deadlines in working days count on the school calendar (the built-in example:
 * 2026 holidays and make-up days), in the timer and the task's due date alike, while the clock
 * moves across a weekend, Golden Week and a make-up working Saturday; deadlines in hours stay hours.
 */
@Deployment(resources = {
    "processes/safeguarding-concern.bpmn", "processes/concern-triage.dmn",
    "forms/report-safeguarding-concern.form", "forms/immediate-action.form",
    "forms/concern-triage.form", "forms/authority-report.form",
    "forms/case-study-team-decision.form", "forms/further-discovery.form",
    "forms/contact-authorities.form", "forms/monitoring-review.form",
    "forms/no-action-sign-off.form", "forms/close-case.form", "forms/case-review.form",
    "forms/reporter-added-information.form", "forms/triage-close-sign-off.form", "forms/authority-decision.form"})
class ConcernWorkingDaysTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG)
      .excludeProcessDefinitionKeys("self-harm-response", "allegation-against-adult", "bullying-incident")
      .build();

  RecordedNotifications notifications;
  StubPathways pathways;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    notifications = ProcessTestDelegates.register(engine);
    pathways = StubPathways.ofTheConcern(engine.getRepositoryService());
  }

  @AfterEach
  void tearDown() {
    pathways.undeploy();
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aTeamDecisionTriagedOnFridayIsDueOnTuesdayNotOverTheWeekend() {
    // Friday 27 November 2026, 15:00 at the school.
    ProcessInstance pi = triagedToTheTeamAt("2026-11-27T15:00:00+08:00");

    Date tuesday = at("2026-12-01T15:00:00+08:00");
    assertThat(task("user_task_case_study_team", pi).getDueDate()).isEqualTo(tuesday);
    assertThat(timer(pi, "boundary_timer_team_overdue").getDuedate()).isEqualTo(tuesday);
    // The reminder after half the working days: Monday 15:00.
    assertThat(task("user_task_case_study_team", pi).getFollowUpDate()).isEqualTo(at("2026-11-30T15:00:00+08:00"));

    moveClockTo("2026-11-30T15:01:00+08:00");  // Monday: one working day passed
    assertThat(dueTimers(pi)).isEmpty();
    moveClockTo("2026-12-01T15:01:00+08:00");  // Tuesday: two
    runDueJobs();
    assertThat(notifications.kinds()).endsWith("case-study-team-overdue");
  }

  @Test
  void goldenWeekDoesNotCountAndAMakeUpSaturdayDoes() {
    // Wednesday 30 September 2026: 1-7 October are the National Day holiday.
    ProcessInstance pi = triagedToTheTeamAt("2026-09-30T10:00:00+08:00");

    Date friday9October = at("2026-10-09T10:00:00+08:00");
    assertThat(task("user_task_case_study_team", pi).getDueDate()).isEqualTo(friday9October);
    assertThat(timer(pi, "boundary_timer_team_overdue").getDuedate()).isEqualTo(friday9October);
    moveClockTo("2026-10-08T10:01:00+08:00");  // first working day after the holiday
    assertThat(dueTimers(pi)).isEmpty();
    moveClockTo("2026-10-09T10:01:00+08:00");
    assertThat(dueTimers(pi)).extracting(Job::getDuedate).containsExactly(friday9October);

    // The team meets on Friday 9 October and asks for further discovery: 5 working days counting
    // Saturday 10 October (a make-up working day) but not Sunday: due Thursday 15 October, not Friday.
    complete(task("user_task_case_study_team", pi), ConcernProcessTest.teamDecision("further-discovery",
        "discoveryPlan", "Meet the family"));
    Date thursday15October = at("2026-10-15T10:01:00+08:00");
    assertThat(task("user_task_further_discovery", pi).getDueDate()).isEqualTo(thursday15October);
    assertThat(timer(pi, "boundary_timer_discovery_reminder").getDuedate()).isEqualTo(thursday15October);
    // Escalation after 7 working days: Monday 19 October.
    assertThat(timer(pi, "boundary_timer_discovery_escalation").getDuedate()).isEqualTo(at("2026-10-19T10:01:00+08:00"));
  }

  @Test
  void aTriageDeadlineInHoursStaysClockHoursOverTheWeekend() {
    moveClockTo("2026-11-27T15:00:00+08:00");
    ProcessInstance pi = reported();

    // 24 clock hours for a standard concern: Saturday 15:00, not a working day later.
    assertThat(task("user_task_cpo_triage", pi).getDueDate()).isEqualTo(at("2026-11-28T15:00:00+08:00"));
  }

  private ProcessInstance triagedToTheTeamAt(String time) {
    moveClockTo(time);
    ProcessInstance pi = reported();
    complete(task("user_task_cpo_triage", pi), withVariables("initialFacts", "Class teacher confirms",
        "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    return pi;
  }

  /** The bruise report, arisen 25 minutes before now; the first-hour authority decision taken ("not now"). */
  private ProcessInstance reported() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("safeguarding-concern",
        with(bruiseReport(), "concernAroseAt", new Date(ClockUtil.getCurrentTime().getTime() - Duration.ofMinutes(25).toMillis())));
    Task authorityDecision = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("user_task_authority_decision")
        .singleResult();
    if (authorityDecision != null) {
      complete(authorityDecision, withVariables("authoritiesToldNow", "no",
          "authorityDecisionReason", "Marks explained by the school nurse; triage gathers the facts"));
    }
    return pi;
  }

  private static Job timer(ProcessInstance pi, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
  }

  private static List<Job> dueTimers(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list();
  }

  private static void runDueJobs() {
    List<Job> due;
    while (!(due = managementService().createJobQuery().executable().list()).isEmpty()) {
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
  }

  private static void moveClockTo(String time) {
    ClockUtil.setCurrentTime(at(time));
  }

  private static Date at(String time) {
    return Date.from(OffsetDateTime.parse(time).toInstant());
  }
}
