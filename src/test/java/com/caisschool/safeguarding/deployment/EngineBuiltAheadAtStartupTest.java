package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.lang.reflect.Proxy;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In the application ({@link EngineBuildConfig}): the engine is built by {@link EngineBuiltAhead},
 * whose build starts before the web server is made, off the main thread; there is one engine; and
 * every service bean of the engine is the engine's own service, given ahead.
 */
@ApplicationTest
class EngineBuiltAheadAtStartupTest {

  @Autowired ConfigurableApplicationContext application;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;

  @Test
  void theEngineIsBuiltOffTheMainThreadFromBeforeTheWebServerIsMade() {
    Object bean = application.getBean(BeanFactory.FACTORY_BEAN_PREFIX + EngineBuildConfig.ENGINE);
    assertThat(bean).isInstanceOf(EngineBuiltAhead.class);
    assertThat(((EngineBuiltAhead) bean).builtOn()).isEqualTo(EngineBuiltAhead.THREAD);
    assertThat(application.getBeanFactory().getBeanDefinition(EngineBuildConfig.WEB_SERVER).getDependsOn())
        .contains(BeanFactory.FACTORY_BEAN_PREFIX + EngineBuildConfig.ENGINE);
  }

  @Test
  void thereIsOneEngine() {
    // Other tests of this JVM register engines of their own (process tests): only this configuration's count.
    assertThat(ProcessEngines.getProcessEngines()).containsEntry(engine.getName(), engine);
    assertThat(ProcessEngines.getProcessEngines().values())
        .filteredOn(built -> built.getProcessEngineConfiguration() == engine.getProcessEngineConfiguration())
        .containsExactly(engine);
    assertThat(application.getBeansOfType(ProcessEngine.class).values()).containsExactly(engine);
  }

  @Test
  void everyServiceBeanIsTheEnginesOwnService() {
    assertThat(EngineBuildConfig.SERVICES).hasSize(12);
    EngineBuildConfig.SERVICES.forEach((name, service) -> {
      Object bean = application.getBean(name);
      assertThat(Proxy.getInvocationHandler(bean)).isInstanceOf(EngineServiceAhead.class);
      assertThat(((EngineServiceAhead) Proxy.getInvocationHandler(bean)).target()).as(name)
          .isSameAs(service.of().apply(engine));
    });
    // And answers as the engine does.
    assertThat(runtimeService.createProcessInstanceQuery().count())
        .isEqualTo(engine.getRuntimeService().createProcessInstanceQuery().count());
  }
}
