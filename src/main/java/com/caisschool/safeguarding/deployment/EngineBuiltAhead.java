package com.caisschool.safeguarding.deployment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Camunda's process engine, built on a thread of its own from the moment its configuration is
 * made, instead of on the main thread when a bean first asks for it (issue 25, README
 * "Performance"). The build (mostly the parsing of Camunda's MyBatis mappings, then its tables) takes
 * a large part of the start-up and needs no other bean: meanwhile the main thread applies the
 * application's migrations, makes the web server and the rest, until a bean needs the engine.
 *
 * <p>There is exactly one engine: one build, started once; whoever asks for the engine waits for
 * that build. A failed build fails whoever asks, so it still stops the start, and the start waits
 * for the build even if nothing asked ({@link #afterSingletonsInstantiated}). The build makes no
 * bean: everything it uses (the configuration, its plugins, the data source) is made before it
 * starts, on the main thread.
 */
class EngineBuiltAhead extends ProcessEngineFactoryBean implements InitializingBean, SmartInitializingSingleton {

  static final String THREAD = "process-engine-build";

  private CompletableFuture<ProcessEngine> build;
  private volatile Thread builder;

  EngineBuiltAhead(ProcessEngineConfigurationImpl configuration) {
    setProcessEngineConfiguration(configuration);
  }

  /** Starts the build once the bean is made (its application context is given by then). */
  @Override
  public void afterPropertiesSet() {
    build();
  }

  private synchronized CompletableFuture<ProcessEngine> build() {
    if (build == null) {
      CompletableFuture<ProcessEngine> started = new CompletableFuture<>();
      Thread thread = new Thread(() -> {
        try {
          started.complete(super.getObject());
        } catch (Throwable failure) {
          started.completeExceptionally(failure);
        }
      }, THREAD);
      thread.setDaemon(true);
      builder = thread;
      thread.start();
      build = started;
    }
    return build;
  }

  /** The name of the thread the build runs on (null before it began). */
  String builtOn() {
    Thread thread = builder;
    return thread == null ? null : thread.getName();
  }

  /** The engine, once built: waits for the build, or throws what made it fail. */
  @Override
  public ProcessEngine getObject() throws Exception {
    if (Thread.currentThread() == builder) {
      // The build itself asking for the engine would wait for itself for ever.
      throw new IllegalStateException("The process engine was asked for during its own build");
    }
    try {
      return build().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception failure) {
        throw failure;
      }
      throw (Error) e.getCause();
    }
  }

  /** The start ends only with the engine built, whether or not a bean asked for it. */
  @Override
  public void afterSingletonsInstantiated() {
    try {
      getObject();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The process engine could not be built", e);
    }
  }

  /** Closes the engine; a build still running (a start stopped by another bean) is waited for first. */
  @Override
  public void destroy() throws Exception {
    CompletableFuture<ProcessEngine> started;
    synchronized (this) {
      started = build;
    }
    if (started != null) {
      try {
        started.get();
      } catch (ExecutionException failed) {
        return; // nothing was built, nothing to close
      }
    }
    super.destroy();
  }
}
