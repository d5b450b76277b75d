package com.caisschool.safeguarding.deployment;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The models are deployed on a thread of their own while the rest of the application is made
 * (Spring's background bootstrap): their checks and the engine's parsing need only the engine and
 * the migrated tables, and take seconds of the start-up. The application is still ready only with
 * the models deployed: Spring waits for every bean made in the background before it finishes the
 * start (the web server opens after that), and a refused model still stops the start.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentConfig {

  /**
   * {@link ModelDeployer} is made in the background. It stays a component, so that it is made early:
   * Spring makes the application's components before the beans of configuration classes.
   */
  @Bean
  static BeanFactoryPostProcessor deployInTheBackground() {
    return beans -> ((AbstractBeanDefinition) beans.getBeanDefinition("modelDeployer")).setBackgroundInit(true);
  }

  /**
   * The threads of the beans made in the background at start-up. A plain Executor, not a Spring
   * TaskExecutor, so that nothing looking for the application's task executor picks it up.
   */
  @Bean(ConfigurableApplicationContext.BOOTSTRAP_EXECUTOR_BEAN_NAME)
  static Executor bootstrapExecutor() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "start-up-background-" + count.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    };
  }
}
