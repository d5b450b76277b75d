package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.caseprocess.CaseDeclaration;
import static com.caisschool.safeguarding.casefile.EntryText.lines;
import static com.caisschool.safeguarding.casefile.EntryText.recorded;
import static com.caisschool.safeguarding.casefile.EntryText.text;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.SafeguardingProperties;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

/**
 * Opens a case's file the first time its process is seen with a case reference: the index row,
 * linked to the child the report names, and the first chronology entry with what was reported
 * (the report itself, or a pathway opened for a case that already has a file).
 */
@Component
class CaseFileOpening {

  private final CaseFiles caseFiles;
  private final Chronology chronology;
  private final ReportedChild reportedChild;
  private final FormDefinitions forms;
  private final Actors actors;
  private final CaseFileProperties rules;
  private final OncePerTransaction once;
  private final FilesKnownToExist known;
  private final ZoneId zone;

  CaseFileOpening(CaseFiles caseFiles, Chronology chronology, ReportedChild reportedChild, FormDefinitions forms,
      Actors actors, CaseFileProperties rules, OncePerTransaction once, FilesKnownToExist known,
      SafeguardingProperties school) {
    this.known = known;
    this.zone = school.schoolTimeZone();
    this.caseFiles = caseFiles;
    this.chronology = chronology;
    this.reportedChild = reportedChild;
    this.forms = forms;
    this.actors = actors;
    this.rules = rules;
    this.once = once;
  }

  /** Opens the file unless it is open already; true when it was opened now. */
  boolean openIfNew(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    if (!once.first("opened", processInstanceId) || known.contains(processInstanceId)) {
      return false;
    }
    // Every later step of the case is answered by the set above once this transaction commits.
    known.rememberOnCommit(processInstanceId);
    if (caseFiles.exists(processInstanceId)) {
      return false;
    }
    String reference = execution.getProcessBusinessKey();
    boolean firstOfItsCase = caseFiles.ofCase(reference).isEmpty();
    Instant now = EngineTime.now();
    Map<String, Object> report = execution.getVariables();
    String processKey = CaseDeclaration.processOf(execution).getId();
    caseFiles.opened(processInstanceId, reference, processKey, reportedChild.idOf(report, now),
        categories(report.get("categories")), Boolean.TRUE.equals(report.get("reportedLate")), now);
    Process process = (Process) execution.getBpmnModelInstance().getModelElementById(processKey);
    List<FormField> startForm = startFormFields(execution, process);
    String reporterType = text(report.get("reporterType"));
    chronology.append(ChronologyEntry.of(reference, processInstanceId, now,
        actors.current(reporterType.isBlank() ? null : reporterType),
        firstOfItsCase ? EntryKind.REPORT : EntryKind.PATHWAY_OPENED, process.getId(), process.getName(),
        lines(recorded(startForm, report, zone), reporterIdentity(startForm, report)), null));
    return true;
  }

  /** Each category once, however often a report repeats it. */
  private static String categories(Object categories) {
    return categories instanceof java.util.Collection<?> many
        ? text(many.stream().map(EntryText::text).distinct().toList()) : text(categories);
  }

  /** The reporter's name and contact where the start form does not already show them. */
  private String reporterIdentity(List<FormField> startForm, Map<String, Object> report) {
    return rules.reporterIdentityVariables().stream()
        .filter(name -> startForm.stream().noneMatch(field -> field.key().equals(name)))
        .filter(name -> !text(report.get(name)).isBlank())
        .map(name -> inWords(name) + ": " + text(report.get(name))).collect(Collectors.joining("\n"));
  }

  /** A variable's name as words ("reporterContact": "Reporter contact"), for a value no form labels. */
  static String inWords(String variable) {
    String words = variable.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private List<FormField> startFormFields(DelegateExecution execution, Process process) {
    return process.getChildElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef).filter(formRef -> formRef != null).findFirst()
        .map(formRef -> forms.fields(execution.getProcessDefinitionId(), formRef)).orElse(List.of());
  }
}
