package com.caisschool.safeguarding.labels;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.caseprocess.ReporterTypes;
import com.caisschool.safeguarding.casework.Authority;
import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.identity.SchoolRoles;
import com.caisschool.safeguarding.notification.NotificationProperties;
import com.caisschool.safeguarding.security.SystemAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * What people read instead of the codes the system keeps: a process's name and a step's name from
 * the models, an answer's label from the forms' own option labels, a role's name from
 * {@code safeguarding.roles}, an alert's title from {@code safeguarding.notifications.kinds}. No
 * second list is kept by hand: a label changes where the model or form says it.
 */
@Component
public class Labels {

  private final RepositoryService repository;
  private final HistoryService history;
  private final IdentityService identities;
  private final Map<String, String> roles;
  private final Map<String, NotificationProperties.KindText> alertKinds;
  /**
   * Field key to its options (value: label), over every form; the first form naming a value wins.
   * Read on first use, not at start-up (it reads every form).
   */
  private final SingletonSupplier<Map<String, Map<String, String>>> options;
  private final Map<String, String> processDefinitionOfInstance = new ConcurrentHashMap<>();

  Labels(RepositoryService repository, HistoryService history, IdentityService identities, SchoolRoles roles,
      NotificationProperties notifications, SafeguardingProperties school) {
    this.repository = repository;
    this.history = history;
    this.identities = identities;
    this.roles = roles.roles();
    this.alertKinds = notifications.kinds();
    this.options = SingletonSupplier.of(() -> options(school));
  }

  private static Map<String, Map<String, String>> options(SafeguardingProperties school) {
    Map<String, Map<String, String>> options = new LinkedHashMap<>();
    readForms(options);
    // The authorities a form offers from its valuesKey (safeguarding.authorities).
    Map<String, String> authorities = new LinkedHashMap<>();
    for (Authority authority : school.authorities()) {
      authorities.put(authority.value(), authority.label());
    }
    options.merge("authorities", authorities, Labels::union);
    // The channels' own reporter types, which the start form offers nobody (safeguarding.reporter-types).
    options.merge(ReporterTypes.VARIABLE, school.reporterTypes().channelLabels(), Labels::union);
    return options;
  }

  private static void readForms(Map<String, Map<String, String>> options) {
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          for (FormField field : FormDefinitions.parse(in)) {
            if (!field.optionLabels().isEmpty()) {
              options.merge(field.key(), field.optionLabels(), Labels::union);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The forms' option labels cannot be read", e);
    }
  }

  private static Map<String, String> union(Map<String, String> first, Map<String, String> second) {
    Map<String, String> both = new LinkedHashMap<>(first);
    second.forEach(both::putIfAbsent);
    return both;
  }

  /** The name of the latest version of a process (its model's {@code name}), or the key when unknown. */
  public String processName(String processKey) {
    if (processKey == null) {
      return "";
    }
    ProcessDefinition definition = SystemAccess.run(identities, () -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult());
    return definition == null || definition.getName() == null ? processKey : definition.getName();
  }

  /** The name the model gives an element of a process instance's model; a readable fallback without one. */
  public String stepName(String processInstanceId, String elementId) {
    if (elementId == null) {
      return "";
    }
    String definitionId = processInstanceId == null ? null
        : processDefinitionOfInstance.computeIfAbsent(processInstanceId, this::definitionOf);
    if (definitionId != null && !definitionId.isEmpty()) {
      ModelElementInstance element = SystemAccess.run(identities,
          () -> repository.getBpmnModelInstance(definitionId).getModelElementById(elementId));
      String name = element == null ? null : element.getAttributeValue("name");
      if (name != null && !name.isBlank()) {
        return name.replaceAll("\\s+", " ").trim();
      }
    }
    return "a step of the process";
  }

  private String definitionOf(String processInstanceId) {
    HistoricProcessInstance instance = SystemAccess.run(identities, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult());
    return instance == null ? "" : instance.getProcessDefinitionId();
  }

  /** The label a form shows for {@code value} of field {@code fieldKey}; the value when no form lists it. */
  public String option(String fieldKey, String value) {
    if (value == null) {
      return "";
    }
    return options.obtain().getOrDefault(fieldKey, Map.of()).getOrDefault(value.trim(), value);
  }

  /** Several answers of one field (a checklist, or a comma-separated list as the case file keeps it). */
  public String options(String fieldKey, Collection<String> values) {
    return values.stream().filter(value -> value != null && !value.isBlank()).map(value -> option(fieldKey, value))
        .collect(Collectors.joining(", "));
  }

  public String optionsOfList(String fieldKey, String commaSeparated) {
    return commaSeparated == null ? "" : options(fieldKey, List.of(commaSeparated.split(",")));
  }

  /** The options of a field as a form offers them (value: label), for a filter of choices. */
  public Map<String, String> choices(String fieldKey) {
    return options.obtain().getOrDefault(fieldKey, Map.of());
  }

  /** A role's name (safeguarding.roles); the group id when not configured. */
  public String role(String groupId) {
    return roles.getOrDefault(groupId, groupId);
  }

  public String roles(Collection<String> groupIds) {
    return groupIds.stream().map(this::role).collect(Collectors.joining(", "));
  }

  /** An alert's title (safeguarding.notifications.kinds); a general wording for a kind not listed. */
  public String alert(String kind) {
    NotificationProperties.KindText text = alertKinds.get(kind);
    return text != null && text.title() != null ? text.title() : "Alert";
  }
}
