package com.caisschool.safeguarding.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.caisschool.safeguarding.testing.ProcessTestDelegates;
import com.caisschool.safeguarding.testing.RecordedNotifications;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The case models were redrawn with a lane per role (issue 26): a new version of each, deployed like
 * any model change. {@code src/test/resources/models-before-lanes/} holds the versions deployed before
 * it. A case waiting on such a version keeps its place (every element a case can wait at keeps its id
 * and type) and still completes on it once the new version is deployed beside it.
 *
 * <p>Then the alerts were drawn compactly: each alert task and its own end event became one message
 * event with the task's id ({@code src/test/resources/models-before-compact-alerts/} holds the versions
 * before). The same holds for those versions, and an alert job a case has pending on such a version
 * still runs there.
 */
class CasesOnThePreviousDiagramTest {

  private static final String BEFORE_LANES = "models-before-lanes";
  private static final String BEFORE_COMPACT_ALERTS = "models-before-compact-alerts";

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ProcessTestDelegates.ENGINE_CONFIG).build();

  private RepositoryService repositoryService;
  private RecordedNotifications notifications;
  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    notifications = ProcessTestDelegates.register(processEngine);
    repositoryService = processEngine.getRepositoryService();
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    Mocks.reset();
  }

  @ParameterizedTest
  @CsvSource({"models-before-lanes, safeguarding-concern", "models-before-lanes, self-harm-response",
      "models-before-lanes, bullying-incident", "models-before-lanes, allegation-against-adult",
      "models-before-compact-alerts, safeguarding-concern", "models-before-compact-alerts, self-harm-response",
      "models-before-compact-alerts, allegation-against-adult", "models-before-compact-alerts, bullying-incident",
      "models-before-compact-alerts, campus-safety-audit", "models-before-compact-alerts, safer-recruitment",
      "models-before-compact-alerts, school-trip", "models-before-compact-alerts, photo-deletion",
      "models-before-compact-alerts, policy-review", "models-before-compact-alerts, staff-training",
      "models-before-compact-alerts, trip-leaders-meeting", "models-before-compact-alerts, urgent-alert"})
  void everyPlaceACaseCanWaitAtKeepsItsIdAndType(String previousVersions, String key) {
    BpmnModelInstance previous = Bpmn.readModelFromFile(new File("src/test/resources/" + previousVersions + "/" + key + ".bpmn"));
    BpmnModelInstance now = Bpmn.readModelFromFile(new File("processes/" + key + ".bpmn"));
    assertThat(waitingPlaces(previous)).isNotEmpty();
    assertThat(waitingPlaces(now)).containsAllEntriesOf(waitingPlaces(previous));
    // an alert waiting to be sent (a job before it) may be redrawn, but keeps its id
    assertThat(asyncSteps(previous)).isNotEmpty();
    assertThat(asyncSteps(now)).containsAll(asyncSteps(previous));
  }

  /** The ids of the steps a job runs (asynchronous before): a case can wait at them too. */
  private static Set<String> asyncSteps(BpmnModelInstance model) {
    Set<String> steps = new TreeSet<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if ("true".equals(node.getAttributeValueNs(CAMUNDA_NS, "asyncBefore"))) {
        steps.add(node.getId());
      }
    }
    return steps;
  }

  /** User tasks, catch and boundary events, gateways, receive tasks and sub-processes, by id, with their type. */
  private static Map<String, String> waitingPlaces(BpmnModelInstance model) {
    Map<String, String> places = new TreeMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node instanceof UserTask || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
          || node instanceof Gateway || node instanceof ReceiveTask || node instanceof SubProcess) {
        places.put(node.getId(), node.getElementType().getTypeName());
      }
    }
    return places;
  }

  @Test
  void aConcernWaitingForClosureOnThePreviousVersionCloses() {
    ProcessInstance pi = waitingOnThePreviousVersion("safeguarding-concern", "user_task_close_case",
        Map.of("priority", "standard"));
    complete(task(pi), withVariables("outcomeSummary", "Accidental injury", "caseReviewWanted", false,
        "parentsInformed", "yes"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("end_event_case_closed");
  }

  @Test
  void aSelfHarmCheckOnThePreviousVersionIsDone() {
    ProcessInstance pi = waitingOnThePreviousVersion("self-harm-response", "user_task_cpo_check", Map.of());
    complete(task(pi), withVariables("supervisionConfirmed", "Ms Li, counseling office", "fileFindings", "nothing on file"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("end_event_cpo_check_done");
  }

  @ParameterizedTest
  @ValueSource(strings = {BEFORE_LANES, BEFORE_COMPACT_ALERTS})
  void aBullyingCaseWaitingForClosureOnThePreviousVersionCloses(String previousVersions) {
    ProcessInstance pi = waitingOnThePreviousVersion(previousVersions, "bullying-incident", "user_task_close_case",
        Map.of("monitoringRounds", 1, "monitoringMaxRounds", 6, "monitoringLimitAt", Date.from(Instant.now().plus(Duration.ofDays(90)))));
    complete(task(pi), withVariables("monitoringFindings", "No incidents seen.", "monitoringOutcome", "close",
        "monitoringOutcomeReason", "Four quiet weeks.", "closureSummary", "Counseling; the bullying stopped.",
        "closureParentsInformed", "yes"));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("end_event_case_closed");
  }

  @ParameterizedTest
  @ValueSource(strings = {BEFORE_LANES, BEFORE_COMPACT_ALERTS})
  void anAllegationAtItsFollowUpOnThePreviousVersionConcludes(String previousVersions) {
    ProcessInstance pi = waitingOnThePreviousVersion(previousVersions, "allegation-against-adult", "user_task_follow_up",
        Map.of("caseOwnerGroup", "head-of-school"));
    complete(task("user_task_follow_up", pi), withVariables("accusedResigned", false, "regulatorReferral", "no",
        "regulatorReferralReason", "Unfounded.", "referencesNote", "Not mentioned in references.",
        "accreditationNotice", false, "lessonsLearned", "Lessons."));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("end_event_allegation_concluded");
  }

  @Test
  void aBullyingAlertPendingOnTheVersionBeforeTheCompactAlertsIsSentAndTheCaseGoesOn() {
    ProcessInstance pi = waitingOnThePreviousVersion(BEFORE_COMPACT_ALERTS, "bullying-incident",
        "service_task_alert_bullying_reported", Map.of());
    BpmnAwareTests.execute(BpmnAwareTests.job("service_task_alert_bullying_reported", pi));
    assertThat(notifications.kinds()).containsExactly("bullying-reported");
    BpmnAwareTests.assertThat(pi).hasPassed("service_task_alert_bullying_reported")
        .isWaitingAt("user_task_support_targeted_student", "user_task_investigate");
    assertThat(BpmnAwareTests.repositoryService().createProcessDefinitionQuery()
        .processDefinitionId(pi.getProcessDefinitionId()).singleResult().getResourceName())
        .as("still on the version with the alert task").contains(BEFORE_COMPACT_ALERTS);
  }

  @Test
  void anOverdueAuditEscalationPendingOnTheVersionBeforeTheCompactAlertsIsSent() {
    ProcessInstance pi = waitingOnThePreviousVersion(BEFORE_COMPACT_ALERTS, "campus-safety-audit",
        "service_task_alert_audit_overdue", Map.of());
    BpmnAwareTests.execute(BpmnAwareTests.job("service_task_alert_audit_overdue", pi));
    assertThat(notifications.kinds()).containsExactly("campus-audit-overdue");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("service_task_alert_audit_overdue", "end_event_head_alerted");
  }

  @Test
  void anAlertWaitingToBeSentOnThePreviousVersionIsSentThere() {
    ProcessInstance pi = waitingOnThePreviousVersion(BEFORE_COMPACT_ALERTS, "safeguarding-concern",
        "service_task_alert_new_concern", Map.of("priority", "standard"));
    BpmnAwareTests.execute(BpmnAwareTests.job("service_task_alert_new_concern", pi));
    // drawn there as a task and its own end event: the case finishes on that drawing
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("service_task_alert_new_concern", "end_event_new_concern_alerted");
    assertThat(notifications.kinds()).containsExactly("new-concern");
  }

  @Test
  void anOverdueAssessmentAlertOnThePreviousVersionLeadsToTheEscalatedAssessmentThere() {
    ProcessInstance pi = waitingOnThePreviousVersion(BEFORE_COMPACT_ALERTS, "self-harm-response",
        "service_task_alert_assessment_overdue", Map.of());
    BpmnAwareTests.execute(BpmnAwareTests.job("service_task_alert_assessment_overdue", pi));
    BpmnAwareTests.assertThat(pi).isWaitingAt("user_task_risk_assessment_escalated");
    assertThat(notifications.kinds()).containsExactly("self-harm-assessment-overdue");
  }

  /** A top-level step to start a case at, for models whose task sits in a sub-process with timers. */
  private static final Map<String, String> PARKED_AT = Map.of("allegation-against-adult", "service_task_warn_case_open");

  /**
   * A case as the previous version left it, waiting at a task; then today's model is deployed beside
   * it, as a release does. The case stays on the previous version.
   */
  private ProcessInstance waitingOnThePreviousVersion(String key, String taskId, Map<String, Object> more) {
    return waitingOnThePreviousVersion(BEFORE_LANES, key, taskId, more);
  }

  private ProcessInstance waitingOnThePreviousVersion(String previousVersions, String key, String taskId,
      Map<String, Object> more) {
    ProcessDefinition previous = deploy(previousVersions + "/" + key + ".bpmn");
    Map<String, Object> variables = new HashMap<>(ProcessTestDelegates.applicationProperties().processDefaults().get(key));
    variables.putAll(more);
    variables.put("caseReference", "SC-2026-PREV01");
    variables.put("childName", "Test Child");
    String parkedAt = PARKED_AT.containsKey(key) && !PARKED_AT.get(key).equals(taskId) ? PARKED_AT.get(key) : taskId;
    ProcessInstance pi = BpmnAwareTests.runtimeService().createProcessInstanceById(previous.getId())
        .businessKey("SC-2026-PREV01").startBeforeActivity(parkedAt)
        .setVariables(variables).execute();
    if (!parkedAt.equals(taskId)) {
      // the case's variables exist before the task's enclosing scope (and its timers) is entered
      BpmnAwareTests.runtimeService().createProcessInstanceModification(pi.getId()).startBeforeActivity(taskId)
          .cancelAllForActivity(parkedAt).execute();
    }

    ProcessDefinition current = deploy("processes/" + key + ".bpmn");
    assertThat(current.getVersion()).isGreaterThan(previous.getVersion());
    assertThat(pi.getProcessDefinitionId()).isEqualTo(previous.getId());
    BpmnAwareTests.assertThat(pi).isWaitingAt(taskId);
    return pi;
  }

  private ProcessDefinition deploy(String model) {
    DeploymentBuilder deployment = repositoryService.createDeployment().addClasspathResource(model)
        .addClasspathResource("processes/concern-triage.dmn");
    File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
    for (File form : forms) {
      deployment.addClasspathResource("forms/" + form.getName());
    }
    String id = deployment.deploy().getId();
    deployments.add(id);
    return repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult();
  }
}
