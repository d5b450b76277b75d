package com.caisschool.safeguarding.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms' reader is given to the beans that take it before the engine is built (the engine is built
 * on a thread of its own, deployment/EngineBuiltAhead), and it is the engine's one reader: the one
 * the case-process plugin made, with its cache, not a second one ({@link CaseProcessConfig}).
 */
@ApplicationTest
class FormDefinitionsAtStartupTest {

  @Autowired FormDefinitions forms;
  @Autowired CaseProcessPlugin plugin;

  @Test
  void theReaderGivenAheadIsThePluginsOwn() throws Exception {
    assertThat(forms).isInstanceOf(Advised.class);
    assertThat(((Advised) forms).getTargetSource().getTarget()).isSameAs(plugin.forms());
  }
}
