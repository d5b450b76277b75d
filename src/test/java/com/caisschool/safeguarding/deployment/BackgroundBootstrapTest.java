package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the models' deployment relies on when it runs in the background of the start-up
 * ({@link DeploymentConfig}): the bean is made on a thread of its own, the start finishes only
 * after it, and its failure stops the start.
 */
class BackgroundBootstrapTest {

  static final AtomicReference<String> madeOn = new AtomicReference<>();

  @Test
  void aBackgroundBeanIsMadeOnAStartUpThreadAndTheStartWaitsForIt() {
    madeOn.set(null);
    try (var context = start(Succeeds.class)) {
      // Made by the time the start returns, on a thread of its own.
      assertThat(madeOn.get()).startsWith("start-up-background-");
      assertThat(context.getBean(Made.class)).isNotNull();
    }
  }

  @Test
  void aBackgroundBeanThatFailsStopsTheStart() {
    assertThatThrownBy(() -> start(Fails.class).close())
        .hasStackTraceContaining("the models were refused");
  }

  private static ConfigurableApplicationContext start(Class<?> configuration) {
    var context = new AnnotationConfigApplicationContext();
    context.registerBean(ConfigurableApplicationContext.BOOTSTRAP_EXECUTOR_BEAN_NAME, Executor.class,
        DeploymentConfig::bootstrapExecutor);
    context.register(configuration);
    context.refresh();
    return context;
  }

  record Made() {}

  @Configuration(proxyBeanMethods = false)
  static class Succeeds {
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    Made made() {
      madeOn.set(Thread.currentThread().getName());
      return new Made();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Fails {
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    Made made() {
      throw new IllegalStateException("the models were refused");
    }
  }
}
