package com.caisschool.safeguarding.deployment;

import java.lang.reflect.Constructor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The models are deployed, and the engine's roles, users, filters and grants set up, on threads of
 * their own while the rest of the application is made (Spring's background bootstrap): they need
 * only the engine and the migrated tables, and take seconds of the start-up. The application is
 * still ready only with all of it done: Spring waits for every bean made in the background before it
 * finishes the start (the web server opens after that), and a refused model or a failed set-up
 * still stops the start.
 */
@Configuration(proxyBeanMethods = false)
class DeploymentConfig {

  /**
   * The start-up's work in the engine that no other bean waits for, made in the background:
   * {@link ModelDeployer}, and {@link SetUpAtStart} (the school's roles and demo users, the first
   * administrator, Tasklist's filters and the standing grants, one after another). Both have a
   * thread of their own. They stay components, so that they are made early: Spring makes the
   * application's components before the beans of configuration classes.
   */
  static final List<String> MADE_IN_THE_BACKGROUND = List.of("modelDeployer", "setUpAtStart");

  @Bean
  static BeanFactoryPostProcessor startUpWorkInTheBackground() {
    return beans -> MADE_IN_THE_BACKGROUND.forEach(name -> {
      AbstractBeanDefinition bean = (AbstractBeanDefinition) beans.getBeanDefinition(name);
      bean.setBackgroundInit(true);
      bean.setDependsOn(madeFirst(beans, bean).toArray(String[]::new));
    });
  }

  /**
   * A background thread may not make a bean meant for the main thread (Spring refuses), so what a
   * background bean is given is made on the main thread first: its own depends-on and the beans its
   * constructor takes. Only the background bean's own work then runs on its thread.
   */
  private static Set<String> madeFirst(ConfigurableListableBeanFactory beans, AbstractBeanDefinition bean) {
    Set<String> names = new LinkedHashSet<>();
    if (bean.getDependsOn() != null) {
      names.addAll(List.of(bean.getDependsOn()));
    }
    Class<?> type = ClassUtils.resolveClassName(bean.getBeanClassName(), beans.getBeanClassLoader());
    Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
    for (int i = 0; i < constructor.getParameterCount(); i++) {
      ResolvableType given = ResolvableType.forConstructorParameter(constructor, i);
      // A list is given every bean of its element type.
      Class<?> wanted = given.asCollection() == ResolvableType.NONE
          ? given.toClass() : given.asCollection().resolveGeneric(0);
      names.addAll(List.of(beans.getBeanNamesForType(wanted, true, false)));
    }
    return names;
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
