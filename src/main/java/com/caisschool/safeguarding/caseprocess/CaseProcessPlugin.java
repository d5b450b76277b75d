package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.escalation.EscalationParsing;
import com.caisschool.safeguarding.forms.FormCheck;
import com.caisschool.safeguarding.forms.FormDefinitions;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The one place where "a case process" is defined, registered with every engine that runs the
 * models: the application's and the plain engine of the process tests alike. See
 * {@link CaseProcessParseListener} for what it adds to each model while it is deployed.
 */
public class CaseProcessPlugin extends AbstractProcessEnginePlugin {

  private final SafeguardingProperties settings;
  private volatile FormDefinitions forms;

  public CaseProcessPlugin(SafeguardingProperties settings) {
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var defaults = new ProcessDefaults(settings.processDefaults(), settings.authorities());
    var opening = new CaseOpening(this::forms, settings.schoolTimeZone(), settings.reporterTypes());
    var formCheck = new FormCheck(this::forms);
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new CaseProcessParseListener(defaults, opening, formCheck));
    EscalationParsing.install(configuration, settings.escalation());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    forms = new FormDefinitions(configuration.getRepositoryService(), configuration.getIdentityService());
  }

  /** The forms deployed with the models, read once per deployment (available once the engine is built). */
  public FormDefinitions forms() {
    if (forms == null) {
      throw new IllegalStateException("The process engine is not built yet");
    }
    return forms;
  }
}
