package com.caisschool.safeguarding.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL server for all PostgreSQL tests of a JVM, on a fixed port and data
 * directory chosen at first use, so it can be stopped and started again under running
 * application nodes (fault tests) and come back with the same data at the same address.
 */
public final class EmbeddedPostgresServer {

  private static EmbeddedPostgresServer shared;

  private final int port;
  private final Path dataDirectory;
  private EmbeddedPostgres server;

  private EmbeddedPostgresServer(int port, Path dataDirectory) {
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized EmbeddedPostgresServer shared() {
    if (shared == null) {
      try {
        Path target = Path.of("target");
        Files.createDirectories(target);
        shared = new EmbeddedPostgresServer(freePort(), Files.createTempDirectory(target, "embedded-postgres-"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      shared.start();
      // At the end of the JVM: stop the server, then remove its data (one directory per test run).
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAndDelete, "embedded-postgres-cleanup"));
    }
    return shared;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  /** The JDBC URL of another database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public String user() {
    return "postgres";
  }

  public synchronized boolean running() {
    return server != null;
  }

  /** Starts the server on its data directory and port (the data of an earlier run is kept). */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          // Enough connections for several application nodes and their pools.
          .setServerConfig("max_connections", "300");
      String logDirectory = System.getProperty("embedded.postgres.log-directory");
      if (logDirectory != null) {
        // A diagnosis (README "Performance"): the server's own log in a file, with each autovacuum
        // and checkpoint; the server's output to this JVM ends with the start command.
        builder.setServerConfig("logging_collector", "on")
            .setServerConfig("log_directory", Path.of(logDirectory).toAbsolutePath().toString())
            .setServerConfig("log_filename", "postgresql-%H%M%S.log")
            .setServerConfig("log_line_prefix", "%m[%p]")
            .setServerConfig("log_autovacuum_min_duration", "0")
            .setServerConfig("log_checkpoints", "on");
      }
      server = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server as an outage would: every open connection is cut. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
      server = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stopAndDelete() {
    stop();
    try (var paths = Files.walk(dataDirectory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Left in target/, removed by the next mvn clean.
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
