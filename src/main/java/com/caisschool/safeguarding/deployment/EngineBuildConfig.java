package com.caisschool.safeguarding.deployment;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process engine is built on a thread of its own while the main thread makes the web server
 * and the rest of the application ({@link EngineBuiltAhead}), instead of on the main thread when a
 * servlet filter first asks for a service of the engine (issue 25, README "Performance").
 */
@Configuration(proxyBeanMethods = false)
class EngineBuildConfig {

  /** Camunda's bean of the engine (its Spring Boot starter's ProcessEngineFactoryBean). */
  static final String ENGINE = "processEngineFactoryBean";
  /** Spring Boot's factory of the web server, the first bean the making of the web server asks for. */
  static final String WEB_SERVER = "tomcatServletWebServerFactory";

  /** Camunda's beans of the engine's services (camunda-engine-spring), each read from the engine. */
  static final Map<String, Service<?>> SERVICES = Map.ofEntries(
      service("runtimeService", RuntimeService.class, ProcessEngine::getRuntimeService),
      service("repositoryService", RepositoryService.class, ProcessEngine::getRepositoryService),
      service("formService", FormService.class, ProcessEngine::getFormService),
      service("taskService", TaskService.class, ProcessEngine::getTaskService),
      service("historyService", HistoryService.class, ProcessEngine::getHistoryService),
      service("identityService", IdentityService.class, ProcessEngine::getIdentityService),
      service("managementService", ManagementService.class, ProcessEngine::getManagementService),
      service("authorizationService", AuthorizationService.class, ProcessEngine::getAuthorizationService),
      service("caseService", CaseService.class, ProcessEngine::getCaseService),
      service("filterService", FilterService.class, ProcessEngine::getFilterService),
      service("externalTaskService", ExternalTaskService.class, ProcessEngine::getExternalTaskService),
      service("decisionService", DecisionService.class, ProcessEngine::getDecisionService));

  record Service<T>(Class<T> type, Function<ProcessEngine, T> of) {}

  private static <T> Map.Entry<String, Service<?>> service(String name, Class<T> type, Function<ProcessEngine, T> of) {
    return Map.entry(name, new Service<>(type, of));
  }

  /**
   * Camunda's engine bean becomes {@link EngineBuiltAhead}, with the same configuration; it is made
   * (so its build starts) before the web server, which is the first thing the start-up makes after
   * the beans' definitions are read; and the engine's services are given as
   * {@link EngineServiceAhead}, so that the beans taking them (servlet filters among them) need not
   * wait for the build. A bean that takes the engine itself still waits for it.
   */
  @Bean
  static BeanFactoryPostProcessor engineBuiltAhead() {
    return beans -> {
      AbstractBeanDefinition engine = (AbstractBeanDefinition) beans.getBeanDefinition(ENGINE);
      engine.setInstanceSupplier(() -> new EngineBuiltAhead(beans.getBean(ProcessEngineConfigurationImpl.class)));
      madeAfterTheBuildStarted(beans, WEB_SERVER);
      // Spring refuses a background thread that would make a bean meant for the main thread: the
      // start-up's background work takes the engine, so its bean must exist before that work starts
      // (without a web server, in tests, nothing else makes it first).
      DeploymentConfig.MADE_IN_THE_BACKGROUND.forEach(name -> madeAfterTheBuildStarted(beans, name));
      SERVICES.forEach((name, service) -> givenAhead(beans, name, service));
    };
  }

  private static void madeAfterTheBuildStarted(ConfigurableListableBeanFactory beans, String name) {
    if (beans.containsBeanDefinition(name)) {
      BeanDefinition bean = beans.getBeanDefinition(name);
      String[] before = bean.getDependsOn() == null ? new String[0] : bean.getDependsOn();
      // "&": the factory bean itself, made (so its build started), not the engine it gives (built).
      bean.setDependsOn(Stream.concat(Arrays.stream(before), Stream.of(BeanFactory.FACTORY_BEAN_PREFIX + ENGINE))
          .distinct().toArray(String[]::new));
    }
  }

  private static <T> void givenAhead(ConfigurableListableBeanFactory beans, String name, Service<T> service) {
    if (beans.containsBeanDefinition(name)) {
      ((AbstractBeanDefinition) beans.getBeanDefinition(name)).setInstanceSupplier(
          () -> EngineServiceAhead.of(service.type(), () -> service.of().apply(beans.getBean(ENGINE, ProcessEngine.class))));
    }
  }
}
