package com.caisschool.safeguarding.concern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.caisschool.safeguarding.testing.ProcessTestDelegates;

/** Every rule of processes/concern-triage.dmn, evaluated by the engine as the process does. */
@Deployment(resources = "processes/concern-triage.dmn")
class ConcernTriageDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource(ProcessTestDelegates.ENGINE_CONFIG).build();

  DecisionService decisions;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    decisions = engine.getDecisionService();
  }

  private Map<String, Object> priority(boolean danger, String categories, String about) {
    return decisions.evaluateDecisionTableByKey("concern-priority", facts(danger, categories, about))
        .getSingleResult().getEntryMap();
  }

  private List<Object> routes(boolean danger, String categories, String about) {
    return decisions.evaluateDecisionTableByKey("concern-routes", facts(danger, categories, about))
        .collectEntries("route");
  }

  private static Map<String, Object> facts(boolean danger, String categories, String about) {
    return Map.of("immediateDanger", danger, "categories", categories, "concernAbout", about);
  }

  @Test
  void immediateDangerIsCriticalWithOneHourTriage() {
    assertThat(priority(true, "neglect", "family-member"))
        .containsEntry("priority", "critical").containsEntry("triageDeadline", "PT1H");
  }

  @Test
  void sexualExploitationIsCritical() {
    assertThat(priority(false, "child-sexual-exploitation", "external")).containsEntry("priority", "critical");
    assertThat(priority(false, "commercial-sexual-exploitation", "unknown")).containsEntry("priority", "critical");
  }

  @Test
  void selfHarmIsCritical() {
    assertThat(priority(false, "emotional-abuse,self-harm", "unknown"))
        .containsEntry("priority", "critical").containsEntry("triageDeadline", "PT1H");
  }

  @Test
  void sexualAbuseIsHighWithFourHourTriage() {
    assertThat(priority(false, "peer-on-peer-abuse,sexual-abuse", "student"))
        .containsEntry("priority", "high").containsEntry("triageDeadline", "PT4H");
  }

  @Test
  void concernAboutAnAdultInSchoolIsHigh() {
    assertThat(priority(false, "emotional-abuse", "staff-or-volunteer")).containsEntry("priority", "high");
    assertThat(priority(false, "physical-abuse", "head-of-school")).containsEntry("priority", "high");
  }

  @Test
  void otherConcernsAreStandardWithTwentyFourHourTriage() {
    assertThat(priority(false, "physical-abuse", "family-member"))
        .containsEntry("priority", "standard").containsEntry("triageDeadline", "PT24H");
  }

  @Test
  void immediateDangerRoutesToImmediateAction() {
    assertThat(routes(true, "physical-abuse", "family-member")).containsExactly("immediate-action");
  }

  @Test
  void selfHarmRoutesToTheSelfHarmResponse() {
    assertThat(routes(false, "self-harm", "unknown")).containsExactly("self-harm-response");
  }

  @Test
  void concernAboutStaffOrTheHeadRoutesToTheAllegationFlow() {
    assertThat(routes(false, "emotional-abuse", "staff-or-volunteer")).containsExactly("allegation-against-adult");
    assertThat(routes(false, "sexual-abuse", "head-of-school")).containsExactly("allegation-against-adult");
  }

  @Test
  void plainBullyingBetweenStudentsRoutesToTheAntiBullyingProcedure() {
    assertThat(routes(false, "bullying", "student")).containsExactly("bullying-incident");
    assertThat(routes(false, "bullying,cyberbullying", "student")).containsExactly("bullying-incident");
  }

  @Test
  void bullyingWithAbuseIndicatorsStaysWithTheCpo() {
    assertThat(routes(false, "cyberbullying,sexual-abuse", "student")).isEmpty();
  }

  @Test
  void severalRoutesApplyAtOnce() {
    assertThat(routes(true, "self-harm", "staff-or-volunteer"))
        .containsExactlyInAnyOrder("immediate-action", "self-harm-response", "allegation-against-adult");
  }

  @Test
  void anOrdinaryConcernNeedsNoOtherPathway() {
    assertThat(routes(false, "neglect", "family-member")).isEmpty();
  }
}
