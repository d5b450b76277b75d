package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The engine built on a thread of its own ({@link EngineBuiltAhead}): the build starts when the bean
 * is made, before anyone asks for the engine; there is one build however many ask at once; a failed
 * build fails whoever asks and stops a start even if nobody asked; closing waits for a running build
 * and closes what it built. The configuration's build stands in for Camunda's (no database).
 */
class EngineBuiltAheadTest {

  /** A configuration whose build records its thread, waits for the test's go, then gives an engine or fails. */
  static final class Build extends StandaloneInMemProcessEngineConfiguration {
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch go = new CountDownLatch(1);
    final ProcessEngineImpl engine = mock(ProcessEngineImpl.class);
    private final RuntimeException failure;

    Build(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public ProcessEngine buildProcessEngine() {
      threads.add(Thread.currentThread().getName());
      started.countDown();
      try {
        go.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw failure;
      }
      return engine;
    }
  }

  @Test
  void theBuildStartsOnAThreadOfItsOwnWhenTheBeanIsMadeBeforeAnyoneAsks() throws Exception {
    Build build = new Build(null);
    EngineBuiltAhead bean = new EngineBuiltAhead(build);
    bean.afterPropertiesSet();
    // Nobody asked: the build runs all the same (bounded wait for its thread to begin).
    assertThat(build.started.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(build.threads).containsExactly(EngineBuiltAhead.THREAD);
    build.go.countDown();
    assertThat(bean.getObject()).isSameAs(build.engine);
  }

  @Test
  void everyoneWhoAsksGetsTheOneEngineOfOneBuild() throws Exception {
    Build build = new Build(null);
    EngineBuiltAhead bean = new EngineBuiltAhead(build);
    bean.afterPropertiesSet();
    CompletableFuture<ProcessEngine> other = CompletableFuture.supplyAsync(() -> {
      try {
        return bean.getObject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    build.go.countDown();
    assertThat(bean.getObject()).isSameAs(build.engine);
    assertThat(other.get(1, TimeUnit.MINUTES)).isSameAs(build.engine);
    assertThat(build.threads).hasSize(1);
  }

  @Test
  void aFailedBuildFailsWhoeverAsksWithItsOwnError() {
    Build build = new Build(new ProcessEngineException("ENGINE-03057 There are no Camunda tables in the database"));
    build.go.countDown();
    EngineBuiltAhead bean = new EngineBuiltAhead(build);
    bean.afterPropertiesSet();
    assertThatThrownBy(bean::getObject).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("no Camunda tables");
  }

  @Test
  void aFailedBuildStopsTheStartEvenIfNoBeanAskedForTheEngine() {
    Build build = new Build(new ProcessEngineException("the engine could not be built"));
    build.go.countDown();
    try (var context = new AnnotationConfigApplicationContext()) {
      context.registerBean("processEngineFactoryBean", EngineBuiltAhead.class, () -> new EngineBuiltAhead(build));
      assertThatThrownBy(context::refresh).hasStackTraceContaining("the engine could not be built");
    }
  }

  @Test
  void aStartEndsOnlyWithTheEngineBuilt() {
    Build build = new Build(null);
    build.go.countDown();
    try (var context = new AnnotationConfigApplicationContext()) {
      context.registerBean("processEngineFactoryBean", EngineBuiltAhead.class, () -> new EngineBuiltAhead(build));
      context.refresh();
      assertThat(build.threads).containsExactly(EngineBuiltAhead.THREAD);
      assertThat(context.getBean(ProcessEngine.class)).isSameAs(build.engine);
    }
    // Closing the application closes the engine.
    verify(build.engine).close();
  }

  @Test
  void closingWaitsForABuildStillRunningAndClosesWhatItBuilt() throws Exception {
    Build build = new Build(null);
    EngineBuiltAhead bean = new EngineBuiltAhead(build);
    bean.afterPropertiesSet();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
      try {
        bean.destroy();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    build.go.countDown();
    closed.get(1, TimeUnit.MINUTES);
    verify(build.engine).close();
  }

  @Test
  void theBuildAskingForTheEngineIsRefusedInsteadOfWaitingForItself() throws Exception {
    EngineBuiltAhead[] bean = new EngineBuiltAhead[1];
    var build = new StandaloneInMemProcessEngineConfiguration() {
      @Override
      public ProcessEngine buildProcessEngine() {
        try {
          return bean[0].getObject();
        } catch (Exception e) {
          throw new ProcessEngineException(e.getMessage(), e);
        }
      }
    };
    bean[0] = new EngineBuiltAhead(build);
    bean[0].afterPropertiesSet();
    assertThatThrownBy(bean[0]::getObject).hasMessageContaining("asked for during its own build");
  }
}
