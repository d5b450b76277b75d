package com.caisschool.safeguarding.caseprocess;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.escalation.EscalationParsing;
import com.caisschool.safeguarding.forms.ContractFormService;
import com.caisschool.safeguarding.forms.ContractTaskService;
import com.caisschool.safeguarding.forms.FeelEngines;
import com.caisschool.safeguarding.forms.FormCheck;
import com.caisschool.safeguarding.forms.FormContract;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormTranslations;
import com.caisschool.safeguarding.language.StaffLanguage;
import com.caisschool.safeguarding.forms.OnlyThroughForms;
import com.caisschool.safeguarding.forms.StartFormContract;
import com.caisschool.safeguarding.forms.TaskSubmissions;
import com.caisschool.safeguarding.forms.TaskWorkCheckedOnce;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The one place where "a case process" is defined, registered with every engine that runs the
 * models: the application's and the plain engine of the process tests alike. See
 * {@link CaseProcessParseListener} for what it adds to each model while it is deployed; it also
 * puts the form contract into the engine's task and form services and refuses direct variable writes
 * ({@code forms} package).
 */
public class CaseProcessPlugin extends AbstractProcessEnginePlugin {

  private final SafeguardingProperties settings;
  private final Function<String, StaffLanguage> userLanguage;
  private volatile FormDefinitions forms;
  private volatile FormContract contract;

  /** Forms in English (the plain engine of the process tests). */
  public CaseProcessPlugin(SafeguardingProperties settings) {
    this(settings, user -> StaffLanguage.ENGLISH);
  }

  /** Forms in each user's language ({@code userLanguage}: user id → language, asked when a form is shown). */
  public CaseProcessPlugin(SafeguardingProperties settings, Function<String, StaffLanguage> userLanguage) {
    this.settings = settings;
    this.userLanguage = userLanguage;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var defaults = new ProcessDefaults(settings.processDefaults(), settings.authorities());
    var opening = new CaseOpening(this::forms, settings.schoolTimeZone(), settings.reporterTypes());
    var startForm = new StartFormContract(this::forms, this::contract, CaseDeclaration::startFormOf,
        Map.of(ReporterTypes.VARIABLE, settings.reporterTypes().channelValues()));
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners()
        .add(new CaseProcessParseListener(startForm, defaults, opening, new FormCheck(), new TaskCard(this::forms)));
    // Every completion goes through the form contract (see ContractTaskService for why here).
    var submissions = new TaskSubmissions(this::forms, this::contract);
    configuration.setTaskService(new ContractTaskService(submissions));
    configuration.setFormService(new ContractFormService(submissions, FormTranslations.fromClassPath(), userLanguage));
    if (configuration.getCommandCheckers() == null) {
      // The engine's own checkers, the task's work asked once per submission (TaskWorkCheckedOnce).
      configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(), new TaskWorkCheckedOnce())));
    }
    // Case facts change through forms only, never through the variables endpoints.
    configuration.setCustomPreCommandInterceptorsTxRequired(append(
        configuration.getCustomPreCommandInterceptorsTxRequired(), new OnlyThroughForms(configuration::getIdentityService)));
    EscalationParsing.install(configuration, settings.escalation());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    forms = new FormDefinitions(configuration.getRepositoryService(), configuration.getIdentityService());
    contract = new FormContract(FeelEngines.of(configuration), settings.schoolTimeZone());
  }

  private FormContract contract() {
    return contract;
  }

  /** The forms deployed with the models, read once per deployment (available once the engine is built). */
  public FormDefinitions forms() {
    if (forms == null) {
      throw new IllegalStateException("The process engine is not built yet");
    }
    return forms;
  }

  private static List<CommandInterceptor> append(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }
}
