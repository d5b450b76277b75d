package com.caisschool.safeguarding.modelchange;

import com.caisschool.safeguarding.casefile.Chronology;
import com.caisschool.safeguarding.casefile.ChronologyEntry;
import com.caisschool.safeguarding.casefile.EntryKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running cases to another version of their model with Camunda's migration API (Cockpit's
 * migration view is not in the community edition). The plan maps every activity to the activity
 * with the same id in the other version and keeps event triggers as they are: a case keeps its
 * open task, its due date and its timers. Each move is recorded in the case file.
 */
@Service
public class CaseMigration {

  /** One version of a model, with how many cases run on it. */
  public record Version(String id, String key, int version, String versionTag, long runningCases) {}

  /** A running case on a version: its reference and where it waits. */
  public record RunningCase(String processInstanceId, String reference, List<String> waitingAt) {}

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final Chronology chronology;

  CaseMigration(RepositoryService repositoryService, RuntimeService runtimeService, Chronology chronology) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.chronology = chronology;
  }

  public List<Version> versions() {
    return repositoryService.createProcessDefinitionQuery().list().stream()
        .sorted(Comparator.comparing(ProcessDefinition::getKey).thenComparing(ProcessDefinition::getVersion,
            Comparator.reverseOrder()))
        .map(d -> new Version(d.getId(), d.getKey(), d.getVersion(), d.getVersionTag(),
            runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count()))
        .toList();
  }

  public List<RunningCase> casesOn(String processDefinitionId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionId(processDefinitionId).list().stream()
        .map(instance -> new RunningCase(instance.getId(), instance.getBusinessKey(),
            runtimeService.getActiveActivityIds(instance.getId())))
        .toList();
  }

  /** What stops the plan from source to target, or nothing when every case on source can move. */
  public List<String> check(String sourceId, String targetId) {
    try {
      plan(sourceId, targetId);
      return List.of();
    } catch (MigrationPlanValidationException invalid) {
      List<String> problems = new ArrayList<>();
      invalid.getValidationReport().getInstructionReports().forEach(report ->
          report.getFailures().forEach(failure -> problems.add(report.getMigrationInstruction().getSourceActivityId()
              + ": " + failure)));
      if (problems.isEmpty()) {
        problems.add(invalid.getMessage());
      }
      return problems;
    }
  }

  /** Moves the chosen cases (all or none) and records each move in its case file. */
  @Transactional
  public void migrate(String sourceId, String targetId, List<String> processInstanceIds, String person) {
    if (processInstanceIds.isEmpty()) {
      throw new BadUserRequestException("Choose the cases to move.");
    }
    ProcessDefinition source = repositoryService.getProcessDefinition(sourceId);
    ProcessDefinition target = repositoryService.getProcessDefinition(targetId);
    List<ProcessInstance> cases = runtimeService.createProcessInstanceQuery()
        .processInstanceIds(new java.util.HashSet<>(processInstanceIds)).list();
    if (cases.size() != processInstanceIds.size()
        || cases.stream().anyMatch(c -> !c.getProcessDefinitionId().equals(sourceId))) {
      throw new BadUserRequestException("Only running cases on the chosen version can be moved.");
    }
    MigrationPlan plan;
    try {
      plan = plan(sourceId, targetId);
    } catch (MigrationPlanValidationException invalid) {
      throw new BadUserRequestException("The cases cannot be moved: " + String.join("; ", check(sourceId, targetId)));
    }
    runtimeService.newMigration(plan).processInstanceIds(processInstanceIds).execute();
    var now = ClockUtil.getCurrentTime().toInstant();
    for (ProcessInstance moved : cases) {
      chronology.append(ChronologyEntry.of(moved.getBusinessKey(), moved.getId(), now, person,
          EntryKind.MODEL_VERSION_CHANGED, source.getKey(), null, "Moved from version " + describe(source)
              + " to version " + describe(target) + " of " + source.getKey(), null));
    }
  }

  private MigrationPlan plan(String sourceId, String targetId) {
    if (sourceId.equals(targetId)) {
      throw new BadUserRequestException("Choose two different versions.");
    }
    return runtimeService.createMigrationPlan(sourceId, targetId).mapEqualActivities().build();
  }

  private static String describe(ProcessDefinition definition) {
    return definition.getVersion() + (definition.getVersionTag() == null ? "" : " (policy version "
        + definition.getVersionTag() + ")");
  }
}
