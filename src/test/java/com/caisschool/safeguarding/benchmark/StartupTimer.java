package com.caisschool.safeguarding.benchmark;

import com.caisschool.safeguarding.SafeguardingApplication;
import com.caisschool.safeguarding.testing.RestApi;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Start-up to the first answered request: a main class started in a JVM of its own with the class
 * path it would have in production ({@link StartupClassPath}, never the test class path), on a free port, timed until its REST API answers 200 for the concern model (so the
 * models are deployed). The wait is bounded. The started JVM keeps running until it is closed, so
 * the other parts of the benchmark can use it.
 */
final class StartupTimer {

  /**
   * A started JVM: its REST API, how long it took to answer, and the CPU time its threads had used by
   * then (all cores together; NaN where the system does not tell). CPU time counts the work done
   * whatever else runs on the machine, so it compares start-ups better than the wall clock on a busy
   * machine. {@code alone}: no other JVM this timer started was running while it started;
   * {@code startedAtNanos}: when its JVM was launched ({@link System#nanoTime()}).
   */
  record Started(String name, Process process, int port, String engine, double millis, double cpuMillis,
      boolean alone, long startedAtNanos) implements AutoCloseable {

    RestApi rest(String user, String password) {
      return RestApi.onEngine(port, engine, user, password);
    }

    /** The CPU time all this JVM's threads have used so far (NaN where the system does not tell). */
    double cpuMillisNow() {
      return StartupTimer.cpuMillis(process);
    }

    @Override
    public void close() {
      stop(process);
    }
  }

  /** How long a start may take: 4 minutes, or -Dbenchmark.startupLimitMinutes on a busy machine. */
  private static final Duration LIMIT = Duration.ofMinutes(Integer.getInteger("benchmark.startupLimitMinutes", 4));
  private final Path logDirectory;
  private final StartupClassPath classPath;
  private final List<Process> started = new CopyOnWriteArrayList<>();

  StartupTimer(Path logDirectory) {
    this.logDirectory = logDirectory;
    this.classPath = new StartupClassPath(logDirectory.resolve("class-path"));
  }

  /** The application in its embedded default, on an in-memory database with that default's settings (no ./data files). */
  Started application() {
    int port = freePort();
    // -Dbenchmark.startupSteps=true records Spring's start-up steps for a profiler (not for measuring):
    // its launcher, a test class, is then on the class path too, copied alone.
    boolean steps = Boolean.getBoolean("benchmark.startupSteps");
    String main = steps ? ApplicationWithStartupSteps.class.getName() : SafeguardingApplication.class.getName();
    String path = steps ? classPath.application(ApplicationWithStartupSteps.class) : classPath.application();
    return start("application", port, "default", path, List.of(main,
            "--server.port=" + port, "--spring.datasource.url=" + ApplicationYaml.inMemoryDatabase("startup")),
        RestApi.onEngine(port, "default", "teacher", "demo"), "/process-definition/key/safeguarding-concern");
  }

  /** Bare Camunda on the same kind of database as the application: in memory, the embedded default's settings. */
  Started bare() {
    int port = freePort();
    String path = classPath.bare();
    return start("bare", port, "bare", path, List.of(BareCamunda.class.getName(), "--server.port=" + port,
            "--bare.models=" + classPath.bareModels(),
            "--spring.datasource.url=" + ApplicationYaml.inMemoryDatabase("bare-camunda")),
        RestApi.onEngine(port, "bare", "nobody", "none"),
        "/process-definition/key/" + BareModels.PREFIX + "safeguarding-concern");
  }

  private Started start(String name, int port, String engine, String classPath, List<String> mainAndArguments,
      RestApi rest, String readyPath) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", classPath, "-Duser.timezone=" + System.getProperty("user.timezone")));
    // Options for one side's JVM, e.g. a profiler: -Dbenchmark.jvm.application="-XX:StartFlightRecording=..."
    String options = System.getProperty("benchmark.jvm." + name, "").trim();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.addAll(mainAndArguments);
    Process process = null;
    boolean alone = started.stream().noneMatch(Process::isAlive);
    try {
      Files.createDirectories(logDirectory);
      File log = logDirectory.resolve("startup-" + name + ".log").toFile();
      long start = System.nanoTime();
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
      started.add(process);
      long deadline = start + LIMIT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue() + "), see " + log);
        }
        if (answers(rest, readyPath)) {
          double millis = (System.nanoTime() - start) / 1_000_000.0;
          Started running = new Started(name, process, port, engine, millis, cpuMillis(process), alone, start);
          process = null; // running: closed by the caller
          return running;
        }
        TimeUnit.MILLISECONDS.sleep(50); // polling a starting server, not waiting for a timer
      }
      throw new IllegalStateException(name + " did not answer within " + LIMIT + ", see " + log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      stop(process);
    }
  }

  private static double cpuMillis(Process process) {
    return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1_000_000.0).orElse(Double.NaN);
  }

  private static boolean answers(RestApi rest, String path) {
    try {
      return rest.get(path).status() == 200;
    } catch (UncheckedIOException notListeningYet) {
      return false;
    }
  }

  private static void stop(Process process) {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
