package com.caisschool.safeguarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.SafeguardingApplication;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each side of the start-up measure starts with what it would have in production, never the test
 * class path: looked at through a class loader over exactly the class path the benchmark gives that
 * side's JVM. That the application still starts on it is shown by the benchmark's quick run in every
 * build. Runs in every build (the benchmark itself does not).
 */
class StartupClassPathTest {

  /** Libraries only the tests have (test scope in the pom), one class of each. */
  private static final List<String> TEST_LIBRARIES = List.of(
      "org.junit.jupiter.api.Test", "org.assertj.core.api.Assertions", "org.mockito.Mockito",
      "org.springframework.test.context.ContextConfiguration", "org.openqa.selenium.WebDriver",
      "freemarker.template.Configuration", "com.icegreen.greenmail.util.GreenMail",
      "io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "org.awaitility.Awaitility",
      "com.tngtech.archunit.core.domain.JavaClass", "org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests");

  @TempDir
  Path folder;

  @Test
  void theApplicationStartsWithItsClassesAndRuntimeLibrariesOnly() throws IOException {
    try (URLClassLoader application = loader(new StartupClassPath(folder).application())) {
      assertThat(loads(application, SafeguardingApplication.class.getName())).isTrue();
      assertThat(loads(application, "org.camunda.bpm.engine.ProcessEngine")).isTrue();
      assertThat(loads(application, "org.h2.Driver")).as("a runtime-scope library").isTrue();
      assertNoTestClassesOrLibraries(application);
      assertThat(loads(application, ApplicationWithStartupSteps.class.getName())).isFalse();
      assertThat(application.getResource("logback-test.xml")).as("the tests' logging set-up").isNull();
      assertThat(application.getResource("application.yaml")).isNotNull();
    }
  }

  @Test
  void theStartupStepsLauncherComesAloneWithoutTheOtherTestClasses() throws IOException {
    try (URLClassLoader application = loader(new StartupClassPath(folder).application(ApplicationWithStartupSteps.class))) {
      assertThat(loads(application, ApplicationWithStartupSteps.class.getName())).isTrue();
      assertThat(loads(application, SafeguardingApplication.class.getName())).isTrue();
      assertNoTestClassesOrLibraries(application);
    }
  }

  @Test
  void bareCamundaStartsWithItsOwnClassAndSettingsOnlyAndModelsStrippedBeforehand() throws IOException {
    StartupClassPath classPath = new StartupClassPath(folder);
    try (URLClassLoader bare = loader(classPath.bare())) {
      assertThat(loads(bare, BareCamunda.class.getName())).isTrue();
      assertThat(bare.getResource("bare-camunda.yaml")).isNotNull();
      // The stripping is the benchmark's work, never part of bare Camunda's start-up.
      assertThat(loads(bare, BareModels.class.getName())).as("the stripping code").isFalse();
      assertThat(bare.getResource("processes/safeguarding-concern.bpmn")).as("the application's own models").isNull();
      String concern = Files.readString(classPath.bareModels().resolve("safeguarding-concern.bpmn"));
      assertThat(concern).contains("id=\"" + BareModels.PREFIX + "safeguarding-concern\"")
          .doesNotContain("camunda:delegateExpression", "camunda:class=", "camunda:executionListener", "camunda:taskListener");
      assertThat(loads(bare, SafeguardingApplication.class.getName())).as("the application's classes").isFalse();
      assertThat(bare.getResource("application.yaml")).isNull();
      assertThat(bare.getResource("logback-test.xml")).isNull();
      assertNoTestClassesOrLibraries(bare);
    }
  }

  @Test
  void noRuntimeDependencyIsOneOfTheTestScopedJars() {
    assertThat(StartupClassPath.runtimeDependencies()).isNotEmpty()
        .noneMatch(jar -> jar.contains("junit") || jar.contains("assertj") || jar.contains("selenium"));
  }

  private static void assertNoTestClassesOrLibraries(URLClassLoader loader) {
    assertThat(loads(loader, StartupClassPathTest.class.getName())).as("a test class").isFalse();
    assertThat(loads(loader, StartupTimer.class.getName())).as("a benchmark class").isFalse();
    assertThat(TEST_LIBRARIES).noneMatch(type -> loads(loader, type));
  }

  private static boolean loads(ClassLoader loader, String type) {
    try {
      Class.forName(type, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }

  /** Exactly the entries given, with only the JDK behind them. */
  private static URLClassLoader loader(String classPath) {
    URL[] urls = Arrays.stream(classPath.split(File.pathSeparator)).map(entry -> {
      try {
        return new File(entry).toURI().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }).toArray(URL[]::new);
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }
}
