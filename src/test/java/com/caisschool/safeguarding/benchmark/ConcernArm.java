package com.caisschool.safeguarding.benchmark;

import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.string;

import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One side of the comparison, driven through its REST API as the teacher and the CPO would drive it:
 * the application (start form, task forms, its users) or bare Camunda (the stripped copy, started
 * with the variables the application's delegates would have set, tasks completed with the same values).
 */
final class ConcernArm {

  private static final String CONCERN = "safeguarding-concern";
  private static final String CLOSED_END_EVENT = "end_event_case_closed";

  /**
   * The "no action" path of issue 14: the first-hour decision on the authorities (the bruises are
   * suspected abuse, issue 16), triage, Case Study Team, sign-off, closure.
   */
  static final List<Map.Entry<String, Map<String, Object>>> NO_ACTION_PATH = List.of(
      Map.entry("user_task_authority_decision", form("authoritiesToldNow", "no",
          "authorityDecisionReason", "Marks explained by the school nurse")),
      Map.entry("user_task_cpo_triage", form("initialFacts", "Class teacher confirms the marks",
          "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team")),
      Map.entry("user_task_case_study_team", form("attendees", "CPO, deputy, counselor",
          "legalEthicalConsiderations", "Duty to report considered", "agenciesConsulted", "none",
          "courseOfAction", "no-action", "courseOfActionRationale", "Explained by a known sports injury",
          "parentsInformed", "yes")),
      Map.entry("user_task_no_action_sign_off", form("signOffDecision", "approve",
          "signOffNote", "Coach confirms the injury")),
      Map.entry("user_task_close_case", Map.of("variables", Map.of(
          "outcomeSummary", string("No action, family supported"), "parentsInformed", string("yes"),
          "caseReviewWanted", Map.of("value", false, "type", "Boolean")))));

  private final String name;
  private final boolean application;
  private final RestApi teacher;
  private final RestApi cpo;
  private int started;
  private final java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();

  private ConcernArm(String name, boolean application, RestApi teacher, RestApi cpo) {
    this.name = name;
    this.application = application;
    this.teacher = teacher;
    this.cpo = cpo;
  }

  static ConcernArm application(RestApi teacher, RestApi cpo) {
    return new ConcernArm("application", true, teacher, cpo);
  }

  /** Bare Camunda has no users: both act anonymously on the named engine. */
  static ConcernArm bare(RestApi anyone) {
    return new ConcernArm("bare", false, anyone, anyone);
  }

  String name() {
    return name;
  }

  RestApi cpo() {
    return cpo;
  }

  /** Reports a concern; returns the reply (200 with the instance id when it started). */
  RestApi.Reply report(String childName) {
    started++;
    if (application) {
      return teacher.post(ConcernReports.SUBMIT, Map.of("variables", ConcernReports.bruises(childName)));
    }
    String reference = "BARE-" + System.nanoTime() + "-" + started;
    return teacher.post("/process-definition/key/" + BareModels.PREFIX + CONCERN + "/start",
        Map.of("variables", bareStartVariables(childName, reference), "businessKey", reference));
  }

  /** A full case from report to closure; throws when a step is refused or a task is missing. */
  String fullCase(String childName) {
    String id = reported(childName);
    closeCase(id);
    return id;
  }

  /** Reports a concern; returns its process instance id. */
  String reported(String childName) {
    RestApi.Reply started = report(childName);
    check(started.status() == 200, "report", started);
    return started.json().path("id").asText();
  }

  /** The CPO and the team take the reported case along the "no action" path to its closure. */
  void closeCase(String id) {
    for (Map.Entry<String, Map<String, Object>> step : NO_ACTION_PATH) {
      closeStep(id, step);
    }
  }

  /** One step of the path: the CPO finds the case's task and submits its form. */
  void closeStep(String id, Map.Entry<String, Map<String, Object>> step) {
    RestApi.Reply tasks = cpo.get("/task?processInstanceId=" + id + "&taskDefinitionKey=" + step.getKey());
    check(tasks.status() == 200 && tasks.json().size() == 1, step.getKey(), tasks);
    String taskId = tasks.json().get(0).path("id").asText();
    RestApi.Reply done = complete(taskId, step.getValue());
    check(done.status() == 204, step.getKey(), done);
  }

  /**
   * Submits a task's form. A step that meets its case's alert job in the same moment is refused,
   * nothing saved (optimistic locking, or the engine finding the execution tree changed under it):
   * bare Camunda answers 500 with the engine's message, the application 409 "send it again". The
   * user submits again, at most twice; counted.
   */
  private RestApi.Reply complete(String taskId, Map<String, Object> form) {
    RestApi.Reply done = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      done = cpo.post("/task/" + taskId + (application ? "/submit-form" : "/complete"), form);
      boolean concurrentChange = done.status() == 409
          || done.status() == 500 && CONCURRENT_UPDATE.matcher(done.body()).find();
      if (!concurrentChange) {
        return done;
      }
      conflicts.incrementAndGet();
    }
    return done;
  }

  private static final Pattern CONCURRENT_UPDATE =
      Pattern.compile("updated by another transaction concurrently|ENGINE-03077 Cannot resolve parent");

  /** Task submissions refused for a concurrent update and submitted again. */
  int conflicts() {
    return conflicts.get();
  }

  /** Jobs due now on this side (the alerts still to send), as its REST API counts them for the CPO (who reads every case). */
  long jobsDue() {
    RestApi.Reply count = cpo.get("/job/count?executable=true");
    check(count.status() == 200, "job count", count);
    return count.json().path("count").asLong();
  }

  /** Whether the case passed its "case closed" end event, as the history in its REST API tells. */
  boolean closed(String processInstanceId) {
    RestApi.Reply ends = cpo.get("/history/activity-instance?processInstanceId=" + processInstanceId
        + "&activityId=" + CLOSED_END_EVENT);
    return ends.status() == 200 && ends.json().size() == 1;
  }

  /** The case's state in the history (COMPLETED once every branch, alerts too, has ended). */
  String state(String processInstanceId) {
    return cpo.get("/history/process-instance/" + processInstanceId).json().path("state").asText();
  }

  private void check(boolean ok, String step, RestApi.Reply reply) {
    if (!ok) {
      throw new IllegalStateException(name + ": " + step + " answered " + reply.status() + ": " + reply.body());
    }
  }

  /**
   * What the application's start form and delegates give a concern before its first wait state:
   * the report (categories as the intake stores them), a reference, and the school's deadlines
   * read from application.yaml ({@code safeguarding.process-defaults.safeguarding-concern}).
   */
  static Map<String, Object> bareStartVariables(String childName, String reference) {
    Map<String, Object> variables = new HashMap<>(ConcernReports.bruises(childName));
    variables.put("categories", string("physical-abuse"));
    variables.put("caseReference", string(reference));
    variables.put("reportedLate", Map.of("value", false, "type", "Boolean"));
    PROCESS_DEFAULTS.forEach((key, value) -> variables.put(key, string(value)));
    return variables;
  }

  private static final Map<String, String> PROCESS_DEFAULTS = processDefaults();

  private static Map<String, String> processDefaults() {
    Properties properties = ApplicationYaml.properties();
    String prefix = "safeguarding.process-defaults." + CONCERN + ".";
    Map<String, String> defaults = new HashMap<>();
    properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
        .forEach(key -> defaults.put(key.substring(prefix.length()), properties.getProperty(key)));
    if (defaults.isEmpty()) {
      throw new IllegalStateException("No " + prefix + "* in application.yaml");
    }
    return defaults;
  }
}
