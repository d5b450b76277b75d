package com.caisschool.safeguarding.security;

import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Spring Security's filter chain as Spring Security builds it, without the filter Spring Security
 * puts in front of it whenever Spring MVC is present: that filter asks Spring MVC which handler
 * would serve the request, at every request, REST calls to Camunda's Jersey servlet included
 * (issue 25: about 2% of a REST request's CPU), and keeps the answer for matchers that align with
 * Spring MVC's own matching (MvcRequestMatcher) and for CORS taken from Spring MVC. This
 * application's security rules match paths only: {@link WebSecurityConfig} publishes the builder
 * that makes even the rules written as plain strings path patterns, and nothing configures CORS;
 * {@code WithoutMvcHandlerLookupTest} finds no rule that consults Spring MVC. Should a future
 * rule consult it, it would still decide correctly, only without the kept answer.
 * <p>
 * Spring Security (6.5) swaps the bean {@code springSecurityFilterChain} for a composite of that
 * filter and the original chain while bean definitions are registered; this puts the original back
 * afterwards, before any bean is made. Anything else it leaves as it is.
 */
final class WithoutMvcHandlerLookup implements BeanDefinitionRegistryPostProcessor {

  static final String CHAIN = "springSecurityFilterChain";
  private static final String COMPOSITE =
      "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";
  /** The factory of the lookup filter, the first of the composite's two parts; the other is the chain. */
  private static final String LOOKUP_FILTER =
      "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    // Spring Security's own swap happens in this phase: undone below, once every registration ran.
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
      return;
    }
    BeanDefinition chain = registry.getBeanDefinition(CHAIN);
    if (!COMPOSITE.equals(chain.getBeanClassName())) {
      return;
    }
    ValueHolder parts = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
    if (parts != null && parts.getValue() instanceof List<?> filters) {
      List<BeanDefinition> lookup = filters.stream().filter(BeanDefinition.class::isInstance)
          .map(BeanDefinition.class::cast).filter(part -> LOOKUP_FILTER.equals(part.getBeanClassName())).toList();
      List<BeanDefinition> original = filters.stream().filter(BeanDefinition.class::isInstance)
          .map(BeanDefinition.class::cast).filter(part -> !LOOKUP_FILTER.equals(part.getBeanClassName())).toList();
      if (filters.size() == 2 && lookup.size() == 1 && original.size() == 1) {
        registry.removeBeanDefinition(CHAIN);
        registry.registerBeanDefinition(CHAIN, original.get(0));
      }
    }
  }
}
