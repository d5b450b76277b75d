package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.SafeguardingApplication;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine is built on a thread of its own ({@link EngineBuiltAhead}) while the main thread goes
 * on; a build that fails still stops the start, as it did on the main thread: the application exits
 * instead of answering. Started in a JVM of its own (in-memory database, free port), because Camunda
 * keeps its engines in a JVM-wide registry that a second application in the tests' JVM would disturb.
 */
class EngineBuildFailureTest {

  @Test
  void aFailedEngineBuildStopsTheStart(@TempDir Path directory) throws Exception {
    File output = directory.resolve("start.log").toFile();
    // An empty database that the engine may not make its tables in: its build fails.
    Process start = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), SafeguardingApplication.class.getName(),
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:failed-engine-build;DB_CLOSE_DELAY=-1",
        "--camunda.bpm.database.schema-update=false")
        .redirectErrorStream(true).redirectOutput(output).start();
    try {
      // Bounded: a start that went on despite the failure would be waited for no longer than this.
      assertThat(start.waitFor(4, TimeUnit.MINUTES)).as("the start stopped").isTrue();
      assertThat(start.exitValue()).isNotZero();
      List<String> log = Files.readAllLines(output.toPath());
      assertThat(log).anyMatch(line -> line.contains("ENGINE-03057"));
      assertThat(log).noneMatch(line -> line.contains("Started SafeguardingApplication"));
    } finally {
      start.destroyForcibly();
    }
  }
}
