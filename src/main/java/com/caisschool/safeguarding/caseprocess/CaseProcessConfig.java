package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.language.UserLanguages;
import java.util.function.Supplier;
import org.springframework.aop.TargetSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the case-process convention with the application's engine. */
@Configuration
class CaseProcessConfig {

  /** Forms in each user's language (README "Languages"), looked up when a form is shown. */
  @Bean
  CaseProcessPlugin caseProcessPlugin(SafeguardingProperties properties, ObjectProvider<UserLanguages> languages) {
    return new CaseProcessPlugin(properties, user -> languages.getObject().of(user));
  }

  /**
   * The forms as the engine reads them: one reader, shared by the pages that show their choices.
   * The plugin has it once the engine is built, and the engine is built on a thread of its own during
   * the start-up (deployment/EngineBuiltAhead): the beans that take the reader are given it at once, and
   * its first use waits for the build (issue 25), instead of the making of those beans.
   */
  @Bean
  FormDefinitions formDefinitions(CaseProcessPlugin plugin, ObjectProvider<ProcessEngine> engine) {
    ProxyFactory reader = new ProxyFactory();
    reader.setProxyTargetClass(true);
    reader.setTargetSource(new OnceBuilt(() -> {
      engine.getObject();
      return plugin.forms();
    }));
    return (FormDefinitions) reader.getProxy(FormDefinitions.class.getClassLoader());
  }

  /** The plugin's reader, asked for at the first use and kept. */
  private static final class OnceBuilt implements TargetSource {

    private final Supplier<FormDefinitions> built;
    private volatile FormDefinitions reader;

    OnceBuilt(Supplier<FormDefinitions> built) {
      this.built = built;
    }

    @Override
    public Class<?> getTargetClass() {
      return FormDefinitions.class;
    }

    @Override
    public Object getTarget() {
      FormDefinitions known = reader;
      if (known == null) {
        known = built.get();
        reader = known;
      }
      return known;
    }
  }
}
