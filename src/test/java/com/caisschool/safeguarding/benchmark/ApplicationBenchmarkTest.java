package com.caisschool.safeguarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.RestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of issue 14 (README "Performance"): the application against bare Camunda on the
 * same Camunda and Spring Boot versions, measured from outside through HTTP on loopback. Prints
 * one table and writes it to target/benchmark/results.md. In every build it runs in quick mode
 * (small data) and checks only behaviour: every part ran, every case completed, the data set was
 * loaded, every parallel report was answered. Timings are reported, never asserted.
 * Tagged "benchmark": Maven runs it in a JVM of its own (pom.xml), as it starts several engines.
 */
@Tag("benchmark")
class ApplicationBenchmarkTest {

  private static final Path OUTPUT = Path.of("target", "benchmark");

  private final BenchmarkSize size = BenchmarkSize.fromSystemProperties();
  private final BenchmarkTable table = new BenchmarkTable(String.format(Locale.ROOT,
      "Benchmark %s, %s mode, %d cores, %d MiB heap, Java %s",
      OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES), size.mode(),
      Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
      System.getProperty("java.version")));

  @Test
  void measuresTheApplicationAgainstBareCamunda() throws IOException {
    if (size.runsStartupParts()) {
      measureStartupsFullCasesAndParallelReports();
    }
    DailyRequests daily = size.runsDailyRequests() ? DailyRequests.run(size) : null;
    if (daily != null) {
      daily.report(table);
    }

    writeResult(table.markdown() + "\n" + (daily == null ? "" : daily.dataSet() + "\n")
        + "\nSizes of this run: " + size + "\n");
    if (daily == null) {
      return; // -Dbenchmark.parts=startup or startups
    }
    assertThat(daily.closedCases()).as("closed cases loaded").isGreaterThanOrEqualTo(size.closedCases());
    assertThat(daily.closedCaseFiles()).as("closed case files loaded").isGreaterThanOrEqualTo(size.closedCases());
    assertThat(daily.openCases()).as("open cases started").isGreaterThanOrEqualTo(size.openCases());
    assertThat(daily.applicationStatuses()).as("every daily request of the application answered 200").containsOnly(200);
    assertThat(daily.bareStatuses()).as("every daily request of bare Camunda answered 200").containsOnly(200);
    assertThat(table.rows()).extracting(BenchmarkTable.Row::measure).contains("CPO's task list",
        "Tasklist filters with counts", "a Tasklist filter's first page", "report submission", "case file list",
        "a child's chronology");
    assertThat(Files.readString(OUTPUT.resolve("results.md"))).contains("| CPO's task list |");
  }

  /** Parts (a): start-up, then full cases and parallel reports on the two JVMs just started (H2). */
  private void measureStartupsFullCasesAndParallelReports() {
    FullCaseComparison fullCases;
    ParallelReports parallel;
    StartupComparison startups;
    try (StartupComparison started = StartupComparison.run(new StartupTimer(OUTPUT), size.startups(), size.runsCases())) {
      startups = started;
      if (!size.runsCases()) {
        // -Dbenchmark.parts=startups: the start-ups only (to profile them).
        startups.report(table);
        assertThat(startups.measured()).as("start-ups measured for both").isEqualTo(size.startups());
        assertThat(startups.cpuTimeMeasured()).as("CPU time of every start-up read").isTrue();
        assertThat(startups.everyStartAlone()).as("every measured start-up ran alone").isTrue();
        return;
      }
      assertThat(started.runningStartedApartSeconds()).as("the two JVMs of the later parts are of the same age")
          .isLessThan(5);
      ConcernArm app = ConcernArm.application(started.application().rest("teacher", "demo"),
          started.application().rest("cpo", "demo"));
      ConcernArm bare = ConcernArm.bare(started.bare().rest("nobody", "none"));
      fullCases = FullCaseComparison.run(app, bare, size,
          Map.of(app.name(), started.application()::cpuMillisNow, bare.name(), started.bare()::cpuMillisNow));
      parallel = ParallelReports.run(app, bare, size.parallelReports(), size.parallelBursts());
    }
    startups.report(table);
    fullCases.report(table);
    parallel.report(table);
    assertThat(startups.measured()).as("start-ups measured for both").isEqualTo(size.startups());
    assertThat(startups.cpuTimeMeasured()).as("CPU time of every start-up read").isTrue();
    assertThat(startups.everyStartAlone()).as("every measured start-up ran alone").isTrue();
    assertThat(fullCases.completed("application")).as("application cases closed").isEqualTo(fullCases.started("application"));
    assertThat(fullCases.completed("bare")).as("bare cases closed").isEqualTo(fullCases.started("bare"));
    assertThat(fullCases.cpuTimeMeasured()).as("CPU time of the full cases read on both sides").isTrue();
    assertThat(fullCases.started("application")).isEqualTo(size.warmUpCases() + size.rounds() * size.casesPerRound());
    int parallelReports = size.parallelReports() * size.parallelBursts();
    assertThat(parallel.answered("application")).as("every parallel report answered").isEqualTo(parallelReports);
    assertThat(parallel.answered("bare")).as("every parallel report answered").isEqualTo(parallelReports);
    assertThat(table.rows()).extracting(BenchmarkTable.Row::measure).contains(
        "full concern case (H2)", "CPU time of the full cases (H2)", size.parallelReports() + " reports in parallel",
        "start-up to the first answered request");
    assertThat(table.rows()).filteredOn(row -> row.measure().endsWith("reports in parallel"))
        .allSatisfy(row -> assertThat(row.application().split(" / ")).as("each burst's p95 shown")
            .hasSize(size.parallelBursts()));
  }

  private static void writeResult(String result) throws IOException {
    System.out.println(result);
    Files.createDirectories(OUTPUT);
    Files.writeString(OUTPUT.resolve("results.md"), result);
  }

  /** A Spring Boot application started in this JVM on a random port, with its engine's REST API. */
  record Running(ConfigurableApplicationContext context, String engine) implements AutoCloseable {

    static Running bare(String engine, String... settings) {
      Path models = BareModels.writeStripped(OUTPUT.resolve("bare-models").resolve(engine));
      List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.process-engine-name=" + engine,
          "--bare.models=" + models));
      arguments.addAll(List.of(settings));
      return new Running(BareCamunda.start(arguments.toArray(String[]::new)), engine);
    }

    int port() {
      return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    RestApi rest(String user, String password) {
      return RestApi.onEngine(port(), engine, user, password);
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
