package com.caisschool.safeguarding.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * The form contract on every start, as the first thing its start event does: the variables of a
 * new instance are exactly what its starter sent. A person starting through a start event's own
 * form (Tasklist, REST {@code /start} or {@code /submit-form}) may send only that form's fields;
 * the system starting a process (a channel report, a pathway opened from another case, next year's
 * duty) adds facts of its own, and its values meet the form's rules all the same.
 */
public class StartFormContract implements ExecutionListener {

  private final Supplier<FormDefinitions> forms;
  private final Supplier<FormContract> contract;
  private final Function<StartEvent, String> startFormOf;
  private final Map<String, List<String>> setByChannels;

  /**
   * {@code startFormOf}: the form a start event's reports meet (its own, or one it names), or null.
   * {@code setByChannels}: values a channel sets itself (variable: values) which its form does not
   * offer a person, such as "Who is reporting?: email"; a person sending one is refused as for any
   * value the form does not offer.
   */
  public StartFormContract(Supplier<FormDefinitions> forms, Supplier<FormContract> contract,
      Function<StartEvent, String> startFormOf, Map<String, List<String>> setByChannels) {
    this.setByChannels = Map.copyOf(setByChannels);
    this.forms = forms;
    this.contract = contract;
    this.startFormOf = startFormOf;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StartEvent start = (StartEvent) execution.getBpmnModelElementInstance();
    String formId = startFormOf.apply(start);
    if (formId == null) {
      return;
    }
    boolean byAPerson = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null;
    Map<String, Object> given = new HashMap<>();
    for (String name : execution.getVariableNames()) {
      given.put(name, TaskSubmissions.plainValue(execution.getVariableTyped(name, false)));
    }
    // The engine itself records who started the instance (camunda:initiator): not a submitted answer.
    if (start.getCamundaInitiator() != null) {
      given.remove(start.getCamundaInitiator());
    }
    if (!byAPerson) {
      setByChannels.forEach((name, values) -> {
        if (values.contains(String.valueOf(given.get(name)))) {
          given.remove(name);
        }
      });
    }
    contract.get().check(formId, forms.get().fields(execution.getProcessDefinitionId(), formId), given, given,
        byAPerson && start.getCamundaFormRef() != null).forEach(execution::setVariable);
  }
}
