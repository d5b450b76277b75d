package com.caisschool.safeguarding.forms;

import com.caisschool.safeguarding.language.StaffLanguage;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The engine's form service: a task form submitted (Tasklist, REST {@code /submit-form}) completes
 * the task only through the form contract, as {@link ContractTaskService} explains; a form shown
 * (Tasklist's {@code deployed-form}) is in the signed-in user's language ({@link FormTranslations}).
 */
public class ContractFormService extends FormServiceImpl {

  private final TaskSubmissions submissions;
  private final FormTranslations translations;
  private final Function<String, StaffLanguage> userLanguage;

  /** Forms in English only (the plain engine of the process tests). */
  public ContractFormService(TaskSubmissions submissions) {
    this(submissions, new FormTranslations(), user -> StaffLanguage.ENGLISH);
  }

  public ContractFormService(TaskSubmissions submissions, FormTranslations translations,
      Function<String, StaffLanguage> userLanguage) {
    this.submissions = submissions;
    this.translations = translations;
    this.userLanguage = userLanguage;
  }

  @Override
  public InputStream getDeployedTaskForm(String taskId) {
    return inUserLanguage(super.getDeployedTaskForm(taskId));
  }

  @Override
  public InputStream getDeployedStartForm(String processDefinitionId) {
    return inUserLanguage(super.getDeployedStartForm(processDefinitionId));
  }

  private InputStream inUserLanguage(InputStream form) {
    Authentication user = commandExecutor.execute(context -> context.getAuthentication());
    return user == null ? form : translations.translate(form, userLanguage.apply(user.getUserId()));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    submitTaskForm(taskId, (Map) properties);
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    commandExecutor.execute(new CheckedSubmission(submissions, taskId, properties, false, false));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
      boolean deserializeValues) {
    return commandExecutor.execute(new CheckedSubmission(submissions, taskId, properties, true, deserializeValues));
  }

  /** A task form submission whose variables were checked against the task's form. */
  static final class CheckedSubmission extends SubmitTaskFormCmd implements ContractChecked {

    private final transient TaskSubmissions submissions;
    private transient boolean workChecked;

    CheckedSubmission(TaskSubmissions submissions, String taskId, Map<String, Object> properties,
        boolean returnVariables, boolean deserializeValues) {
      super(taskId, properties, returnVariables, deserializeValues);
      this.submissions = submissions;
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      properties = Variables.fromMap(submissions.checked(commandContext, taskId, properties, () -> workChecked = true));
      return super.execute(commandContext);
    }

    @Override
    public String checkedTaskId() {
      return taskId;
    }

    @Override
    public boolean taskWorkChecked() {
      return workChecked;
    }
  }
}
