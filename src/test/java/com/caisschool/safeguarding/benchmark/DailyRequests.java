package com.caisschool.safeguarding.benchmark;

import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.EmbeddedPostgresServer;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * (b) The daily requests of the CPO and a teacher on a school's decade of data: the application in
 * the postgres profile on embedded PostgreSQL, loaded with closed cases in bulk ({@link HistoryLoader})
 * and open cases started in-process through the engine (a quarter of them triaged to the Case Study
 * Team); then bare Camunda on the same database, for the requests it has.
 */
final class DailyRequests {

  private static final String NODE = "benchPg";
  private static final String BARE_NODE = "benchPgBare";
  private static final String CONCERN = "safeguarding-concern";

  private final Map<String, Timings> application = new LinkedHashMap<>();
  private final Map<String, Timings> bare = new LinkedHashMap<>();
  private String dataSet;
  private long closedCases;
  private long closedCaseFiles;
  private long openCases;
  /** Only with -Dbenchmark.statements=true (a diagnosis). */
  private StatementLog statementLog;

  static DailyRequests run(BenchmarkSize size) {
    DailyRequests result = new DailyRequests();
    EmbeddedPostgresServer database = EmbeddedPostgresServer.shared();
    try (PostgresNode node = PostgresNode.start(NODE)) {
      JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
      long loadStart = System.nanoTime();
      loadClosedCases(node, jdbc, size);
      double closedSeconds = (System.nanoTime() - loadStart) / 1e9;
      long openStart = System.nanoTime();
      startOpenCases(node.engine(), jdbc, size.openCases());
      double openSeconds = (System.nanoTime() - openStart) / 1e9;
      // A database in use is vacuumed by autovacuum; one just loaded in bulk is not yet, so PostgreSQL
      // could not yet read an index alone (index-only scans need the pages marked all-visible).
      jdbc.execute("vacuum analyze");
      result.count(jdbc);
      result.dataSet = String.format(Locale.ROOT, "Data set (b): %,d closed cases (%,d case files) loaded in %.0f s, "
              + "%,d open cases started in %.0f s (alerts sent), %,d authorization rows, %,d history activity rows.",
          result.closedCases, result.closedCaseFiles, closedSeconds, result.openCases, openSeconds,
          jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class),
          jdbc.queryForObject("select count(*) from act_hi_actinst", Long.class));
      try (ApplicationBenchmarkTest.Running bareNode = ApplicationBenchmarkTest.Running.bare(BARE_NODE,
          "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
          "--spring.datasource.password=unused-trust-authentication", "--bare.basic-authentication=true")) {
        // Bare Camunda knows who asks (the CPO, from the same user table) but checks no permission.
        result.measure(node, jdbc, bareNode.rest(PostgresUsers.CPO, PostgresNode.PASSWORD), size);
      }
    }
    return result;
  }

  private static void loadClosedCases(PostgresNode node, JdbcTemplate jdbc, BenchmarkSize size) {
    ConcernArm teacherAndCpo = ConcernArm.application(node.restAs(PostgresUsers.TEACHER), node.restAs(PostgresUsers.CPO));
    String template = teacherAndCpo.reported("Template case-Testchild");
    // Its alert first, so the template ends complete (an alert racing the triage is retried a minute later).
    await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
        "select count(*) from act_ru_job where process_instance_id_ = ? and handler_type_ = 'async-continuation'",
        Long.class, template) == 0);
    teacherAndCpo.closeCase(template);
    await().atMost(Duration.ofMinutes(2)).until(() -> "COMPLETED".equals(teacherAndCpo.state(template)));
    String reference = jdbc.queryForObject("select business_key_ from act_hi_procinst where id_ = ?", String.class, template);
    HistoryLoader loader = new HistoryLoader(jdbc);
    for (int first = 1; first <= size.closedCases(); first += size.chunk()) {
      loader.copyClosedCase(template, reference, first, Math.min(size.chunk(), size.closedCases() - first + 1),
          size.children());
    }
  }

  /**
   * Open concerns as teachers report them, through the engine (start form); once their alerts are
   * sent, every fourth is triaged to the Case Study Team (so no triage races its case's alert job).
   */
  private static void startOpenCases(ProcessEngine engine, JdbcTemplate jdbc, int count) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CONCERN)
        .latestVersion().singleResult().getId();
    List<String> triaged = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      VariableMap report = openReport(i, count);
      String id = as(engine, PostgresUsers.TEACHER, List.of("staff"),
          () -> engine.getFormService().submitStartForm(definition, report).getId());
      if (i % 4 == 3) {
        triaged.add(id);
      }
    }
    awaitAlertsSent(jdbc, Duration.ofSeconds(1), Duration.ofMinutes(20));
    for (String id : triaged) {
      as(engine, PostgresUsers.CPO, List.of("cpo", "staff", "case-study-team"), () -> {
        Task triage = engine.getTaskService().createTaskQuery().processInstanceId(id)
            .taskDefinitionKey("user_task_cpo_triage").singleResult();
        engine.getFormService().submitTaskForm(triage.getId(), Variables.createVariables()
            .putValue("initialFacts", "Class teacher confirms").putValue("authorityReportDue", "no")
            .putValue("triageDecision", "case-study-team").putValue("triageRationale", "Needs the team"));
        return id;
      });
    }
  }

  /**
   * The job executors (both sides share the database) have run every async step, the alerts:
   * bounded wait. After each report of the samples, so that no request is timed with an alert being
   * sent beside it; before, the application's lists always came right after the two reports, with
   * their alerts still running, and bare's lists only sometimes did, while bare's report always
   * came right after the application's, beside its alert.
   */
  private static void awaitAlertsSent(JdbcTemplate jdbc, Duration poll, Duration atMost) {
    await().atMost(atMost).pollInterval(poll).until(() -> jdbc.queryForObject(
        "select count(*) from act_ru_job where handler_type_ = 'async-continuation'", Long.class) == 0);
  }

  private static VariableMap openReport(int i, int count) {
    VariableMap report = Variables.createVariables();
    ConcernReports.bruises("Open child " + (i % Math.max(1, count / 2)) + "-Testchild").forEach((key, typed) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) typed;
      report.putValue(key, value.get("value"));
    });
    report.putValueTyped("categories", SpinValues.jsonValue("[\"physical-abuse\"]").create());
    return report;
  }

  private static String as(ProcessEngine engine, String user, List<String> groups, java.util.concurrent.Callable<String> work) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void count(JdbcTemplate jdbc) {
    closedCases = jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ? and end_time_ is not null",
        Long.class, CONCERN);
    openCases = jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = ? and end_time_ is null",
        Long.class, CONCERN);
    closedCaseFiles = jdbc.queryForObject("select count(*) from case_file where closed_at is not null", Long.class);
  }

  private void measure(PostgresNode node, JdbcTemplate jdbc, RestApi bareRest, BenchmarkSize size) {
    RestApi teacher = node.restAs(PostgresUsers.TEACHER);
    RestApi cpo = node.restAs(PostgresUsers.CPO);
    WebappSession cpoSession = WebappSession.loggedIn(node.port(), PostgresUsers.CPO, PostgresNode.PASSWORD);
    String triageFilter = cpo.get("/filter?name=Triage").json().get(0).path("id").asText();
    long child = jdbc.queryForObject("select child_id from case_file where child_id is not null group by child_id "
        + "order by count(*) desc, child_id limit 1", Long.class);
    ConcernArm bareArm = ConcernArm.bare(bareRest);
    Map<String, Object> firstPage = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    if (size.writesPlans()) {
      ListPlans plans = new ListPlans(jdbc);
      plans.explain("application: CPO's task list", () -> cpo.get("/task?candidateGroup=cpo&maxResults=50"));
      plans.explain("application: filters with counts", () -> cpo.get("/filter?resourceType=Task&itemCount=true"));
      plans.explain("application: Triage first page", () -> cpo.post("/filter/" + triageFilter
          + "/list?firstResult=0&maxResults=15", firstPage));
      plans.explain("bare: CPO's task list", () -> bareRest.get("/task?candidateGroup=cpo&maxResults=50"));
      plans.explain("bare: filters with counts", () -> bareRest.get("/filter?resourceType=Task&itemCount=true"));
      plans.writeTo(java.nio.file.Path.of("target", "benchmark", "plans.md"));
    }
    statementLog = StatementLog.onIfAsked(jdbc);
    for (int i = 0; i < size.samples(); i++) {
      String reporter = "Daily " + i + "-Testchild";
      boolean applicationFirst = i % 2 == 0;
      // Each report's alert is sent before the next request, so no request is timed beside one.
      Runnable alertsSent = () -> awaitAlertsSent(jdbc, Duration.ofMillis(20), Duration.ofMinutes(2));
      timePair(applicationFirst, "report submission", alertsSent,
          () -> teacher.post(ConcernReports.SUBMIT, Map.of("variables", ConcernReports.bruises(reporter))).status(),
          () -> bareArm.report(reporter).status());
      timePair(applicationFirst, "CPO's task list", () -> cpo.get("/task?candidateGroup=cpo&maxResults=50").status(),
          () -> bareRest.get("/task?candidateGroup=cpo&maxResults=50").status());
      timePair(applicationFirst, "Tasklist filters with counts",
          () -> cpo.get("/filter?resourceType=Task&itemCount=true").status(),
          () -> bareRest.get("/filter?resourceType=Task&itemCount=true").status());
      timePair(applicationFirst, "a Tasklist filter's first page",
          () -> cpo.post("/filter/" + triageFilter + "/list?firstResult=0&maxResults=15", firstPage).status(),
          () -> bareRest.post("/filter/" + triageFilter + "/list?firstResult=0&maxResults=15", firstPage).status());
      time(application, "case file list", () -> cpoSession.page("/casefile").status());
      time(application, "a child's chronology", () -> cpoSession.page("/casefile/children/" + child).status());
    }
    if (statementLog != null) {
      statementLog.close();
    }
  }

  /**
   * One sample of a request on each side; which side goes first alternates from sample to sample,
   * so that neither always meets what the other left behind (its garbage, its cache).
   */
  private void timePair(boolean applicationFirst, String request, IntSupplier onApplication, IntSupplier onBare) {
    timePair(applicationFirst, request, () -> { }, onApplication, onBare);
  }

  /** As above, with {@code afterEach} run (not timed) after each side's request. */
  private void timePair(boolean applicationFirst, String request, Runnable afterEach, IntSupplier onApplication,
      IntSupplier onBare) {
    if (applicationFirst) {
      time(application, request, onApplication);
      afterEach.run();
      time(bare, request, onBare);
    } else {
      time(bare, request, onBare);
      afterEach.run();
      time(application, request, onApplication);
    }
    afterEach.run();
  }

  private void time(Map<String, Timings> arm, String request, IntSupplier call) {
    Timings timings = arm.computeIfAbsent(request, any -> new Timings());
    if (statementLog == null) {
      timings.time(call);
      return;
    }
    String side = arm == application ? "application" : "bare";
    statementLog.start(side, request);
    timings.time(call);
    statementLog.end(side, request, timings.last());
  }

  void report(BenchmarkTable table) {
    application.forEach((request, app) -> {
      Timings floor = bare.get(request);
      String bareCell = floor == null ? "no such request" : answeredOrStatus(floor);
      String ratio = floor == null || floor.answeredWith(200) < floor.count() ? "n/a"
          : Timings.ratio(app.percentile(95) / floor.percentile(95)) + " (p95)";
      table.add(request, answeredOrStatus(app), bareCell, ratio);
    });
  }

  private static String answeredOrStatus(Timings timings) {
    long failed = timings.count() - timings.answeredWith(200);
    return timings.p50p95() + (failed == 0 ? "" : " (" + failed + " not 200: " + timings.statuses().stream()
        .filter(s -> s != 200).distinct().toList() + ")");
  }

  String dataSet() {
    return dataSet;
  }

  long closedCases() {
    return closedCases;
  }

  long closedCaseFiles() {
    return closedCaseFiles;
  }

  long openCases() {
    return openCases;
  }

  List<Integer> applicationStatuses() {
    return statuses(application);
  }

  List<Integer> bareStatuses() {
    return statuses(bare);
  }

  private static List<Integer> statuses(Map<String, Timings> arm) {
    List<Integer> statuses = new ArrayList<>();
    arm.values().forEach(timings -> statuses.addAll(timings.statuses()));
    return statuses;
  }
}
