package com.caisschool.safeguarding.recruitment;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.security.SystemAccess;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The single central record: every adult a {@code safer-recruitment} record was opened for, running
 * or finished, with the state of each check (outcome, when, who), any risk assessment and where the
 * recruitment stands. Read from the engine's history; the page is for HR and the Head only.
 */
@Component
public class SingleCentralRecord {

  static final String PROCESS_KEY = "safer-recruitment";

  /** The checks in the order an inspector reads them: variable prefix, label, outcome variable. */
  static final List<String[]> CHECKS = List.of(
      new String[] {"identity", "Identity", "identityOutcome"},
      new String[] {"references", "References", "referencesOutcome"},
      new String[] {"criminalRecords", "Criminal records", "criminalRecordOutcome"},
      new String[] {"qualifications", "Qualifications", "qualificationsOutcome"},
      new String[] {"interview", "Safeguarding interview", "panelAssessment"},
      new String[] {"codeOfConduct", "Code of conduct", "codeOfConductSigned"});

  private final HistoryService history;
  private final IdentityService identities;
  private final TimeZone schoolTimeZone;

  SingleCentralRecord(HistoryService history, IdentityService identities, SafeguardingProperties school) {
    this.history = history;
    this.identities = identities;
    this.schoolTimeZone = TimeZone.getTimeZone(school.schoolTimeZone());
  }

  public record Check(String name, String outcome, String checkedOn, String checkedBy) {
    public boolean done() {
      return !checkedOn.isEmpty();
    }
  }

  public record Adult(String name, String userId, String recruitedAs, String post, String startDate,
      List<Check> checks, String riskAssessmentUntil, String status) {}

  public List<Adult> adults() {
    return SystemAccess.run(identities, () -> {
      List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY).list();
      if (instances.isEmpty()) {
        return List.<Adult>of();
      }
      Map<String, Map<String, Object>> variables = new HashMap<>();
      history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
          .disableCustomObjectDeserialization().list().stream()
          .filter(variable -> variable.getValue() != null)
          .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId))
          .forEach((id, list) -> variables.put(id, list.stream()
              .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                  (first, second) -> second))));
      List<Adult> adults = new ArrayList<>();
      for (HistoricProcessInstance instance : instances) {
        adults.add(adult(instance, variables.getOrDefault(instance.getId(), Map.of())));
      }
      adults.sort(Comparator.comparing(Adult::startDate).reversed().thenComparing(Adult::name));
      return adults;
    });
  }

  private Adult adult(HistoricProcessInstance instance, Map<String, Object> values) {
    List<Check> checks = CHECKS.stream().map(check -> new Check(check[1], text(values.get(check[2])),
        day(values.get(check[0] + "CheckedAt")), text(values.get(check[0] + "CheckedBy")))).toList();
    boolean underRiskAssessment = Boolean.TRUE.equals(values.get("startConfirmed"))
        && values.containsKey("riskAssessmentSignedBy");
    String riskAssessmentUntil = underRiskAssessment ? text(values.get("riskAssessmentExpiresOn")) : "";
    return new Adult(text(values.get("personName")), text(values.get("staffUserId")), text(values.get("personType")),
        text(values.get("postTitle")), day(values.get("startDate")), checks, riskAssessmentUntil,
        status(instance, values, checks, underRiskAssessment));
  }

  private static String status(HistoricProcessInstance instance, Map<String, Object> values, List<Check> checks,
      boolean underRiskAssessment) {
    boolean allDone = checks.stream().allMatch(Check::done);
    if (instance.getEndTime() == null) {
      if (underRiskAssessment) {
        return "Started under a risk assessment; checks outstanding";
      }
      return allDone ? "Checks complete; start to be confirmed" : "Checks in progress";
    }
    if ("withdraw".equals(values.get("startDecision"))) {
      return "Offer withdrawn";
    }
    if (!allDone) {
      return "Start ended: checks not complete";
    }
    return "Cleared: every check complete";
  }

  private String day(Object value) {
    if (value instanceof Date date) {
      var format = new SimpleDateFormat("yyyy-MM-dd");
      format.setTimeZone(schoolTimeZone);
      return format.format(date);
    }
    String text = text(value);
    return text.length() > 10 ? text.substring(0, 10) : text;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
