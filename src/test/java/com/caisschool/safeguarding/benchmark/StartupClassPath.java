package com.caisschool.safeguarding.benchmark;

import com.caisschool.safeguarding.SafeguardingApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path each side of the start-up measure starts with: what it would have in production,
 * never the Maven test class path the benchmark itself runs on. On the test class path the
 * application's component scan would also read the project's test classes, it would log with the
 * tests' logging set-up (logback-test.xml: its own loggers at TRACE, a second appender) and
 * test-scoped libraries (FreeMarker, JUnit, Selenium...) would be there for auto-configuration to
 * find.
 * <ul>
 *   <li>the application: its classes (target/classes) and its runtime dependencies, as the pom
 *       lists them in the file named by {@code benchmark.runtimeClassPath} (maven-dependency-plugin,
 *       compile and runtime scope);</li>
 *   <li>bare Camunda: a folder holding only its own class and its settings, and the same runtime
 *       dependencies (it auto-configures only what bare-camunda.yaml leaves on); beside it, the
 *       models it deploys, stripped here beforehand ({@link #bareModels()}).</li>
 * </ul>
 * A launcher class from the tests (the start-up steps' recording) is copied into a folder of its
 * own the same way, so it brings no other test class along.
 */
final class StartupClassPath {

  private final Path folder;

  /** Folders with copied classes go under {@code folder}. */
  StartupClassPath(Path folder) {
    this.folder = folder.toAbsolutePath();
  }

  /** The application's classes, its runtime dependencies, and the launchers given (test classes copied alone). */
  String application(Class<?>... launchers) {
    List<String> entries = new ArrayList<>();
    if (launchers.length > 0) {
      entries.add(copied("application-launcher", List.of(launchers), List.of()).toString());
    }
    entries.add(locationOf(SafeguardingApplication.class).toString());
    entries.addAll(runtimeDependencies());
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Bare Camunda's own class and settings and the runtime dependencies; its models, already
   * stripped, are written to {@link #bareModels()}.
   */
  String bare() {
    Path own = copied("bare", List.of(BareCamunda.class), List.of("bare-camunda.yaml"));
    BareModels.writeStripped(bareModels());
    List<String> entries = new ArrayList<>();
    entries.add(own.toString());
    entries.addAll(runtimeDependencies());
    return String.join(File.pathSeparator, entries);
  }

  /** The folder of the stripped models bare Camunda deploys as they are ({@code --bare.models}). */
  Path bareModels() {
    return folder.resolve("bare-models");
  }

  /** The jars of the compile and runtime scopes, as the build wrote them. */
  static List<String> runtimeDependencies() {
    String listing = System.getProperty("benchmark.runtimeClassPath");
    if (listing == null || !Files.isRegularFile(Path.of(listing))) {
      throw new IllegalStateException("No list of the runtime dependencies (benchmark.runtimeClassPath = " + listing
          + "): run the benchmark through Maven after test-compile, which writes it (pom.xml, maven-dependency-plugin)");
    }
    try {
      String content = Files.readString(Path.of(listing), StandardCharsets.UTF_8).trim();
      return content.isEmpty() ? List.of() : List.of(content.split(File.pathSeparator));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fresh folder holding the given classes (with their nested and anonymous classes) and
   * resources, copied from where the tests were compiled to.
   */
  private Path copied(String name, List<Class<?>> classes, List<String> resources) {
    Path target = folder.resolve(name);
    try {
      deleteAll(target);
      for (Class<?> type : classes) {
        Path compiledTo = locationOf(type);
        Path packageFolder = compiledTo.resolve(type.getPackageName().replace('.', File.separatorChar));
        Path into = Files.createDirectories(target.resolve(compiledTo.relativize(packageFolder)));
        try (Stream<Path> files = Files.list(packageFolder)) {
          for (Path file : files.filter(file -> isClassOf(type, file.getFileName().toString())).toList()) {
            Files.copy(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      for (String resource : resources) {
        Path source = locationOf(BareCamunda.class).resolve(resource);
        Files.copy(source, Files.createDirectories(target).resolve(resource), StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isClassOf(Class<?> type, String fileName) {
    return fileName.equals(type.getSimpleName() + ".class") || fileName.startsWith(type.getSimpleName() + "$");
  }

  private static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteAll(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
