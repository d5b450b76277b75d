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
    assertThat(routes(true, "other", "family-member")).containsExactly("immediate-action");
  }

  @Test
  void selfHarmRoutesToTheSelfHarmResponse() {
    assertThat(routes(false, "self-harm", "unknown")).containsExactly("self-harm-response");
  }

  @Test
  void concernAboutStaffOrTheHeadRoutesToTheAllegationFlow() {
    assertThat(routes(false, "other", "staff-or-volunteer")).containsExactly("allegation-against-adult");
    assertThat(routes(false, "sexual-abuse", "head-of-school"))
        .containsExactlyInAnyOrder("allegation-against-adult", "authority-decision");
  }

  @Test
  void plainBullyingBetweenStudentsRoutesToTheAntiBullyingProcedure() {
    assertThat(routes(false, "bullying", "student")).containsExactly("bullying-incident");
    assertThat(routes(false, "bullying,cyberbullying", "student")).containsExactly("bullying-incident");
  }

  @Test
  void bullyingWithAbuseIndicatorsStaysWithTheCpo() {
    assertThat(routes(false, "cyberbullying,sexual-abuse", "student")).containsExactly("authority-decision");
  }

  @Test
  void severalRoutesApplyAtOnce() {
    assertThat(routes(true, "self-harm", "staff-or-volunteer"))
        .containsExactlyInAnyOrder("immediate-action", "self-harm-response", "allegation-against-adult");
  }

  @Test
  void anOrdinaryConcernNeedsNoOtherPathway() {
    assertThat(routes(false, "identity-based-harm", "family-member")).isEmpty();
  }

  @Test
  void suspectedAbuseIsDecidedOnWithinTheFirstHour() {
    for (String abuse : List.of("physical-abuse", "emotional-abuse", "sexual-abuse", "neglect")) {
      assertThat(routes(false, "other," + abuse, "family-member")).as(abuse).containsExactly("authority-decision");
    }
    assertThat(routes(false, "peer-on-peer-abuse,bullying", "student")).isEmpty();
  }

  private Map<String, Object> closure(boolean danger, String priority, String reportDue, String toldNow) {
    Map<String, Object> facts = new java.util.HashMap<>();
    facts.put("immediateDanger", danger);
    facts.put("priority", priority);
    facts.put("authorityReportDue", reportDue);
    facts.put("authoritiesToldNow", toldNow);
    return decisions.evaluateDecisionTableByKey("triage-closure", facts).getSingleResult().getEntryMap();
  }

  @Test
  void triageMayCloseOnlyAStandardConcernWithNoDangerAndNoReportDue() {
    assertThat(closure(false, "standard", "no", null)).containsEntry("closeAllowed", true);
    assertThat(closure(false, "standard", "no", "no")).containsEntry("closeAllowed", true);
    assertThat(closure(true, "standard", "no", null)).containsEntry("closeAllowed", false);
    assertThat(closure(false, "critical", "no", null)).containsEntry("closeAllowed", false);
    assertThat(closure(false, "high", "no", null)).containsEntry("closeAllowed", false);
    assertThat(closure(false, "standard", "yes", null)).containsEntry("closeAllowed", false);
    assertThat(closure(false, "standard", "no", "yes")).containsEntry("closeAllowed", false)
        .hasEntrySatisfying("closeRule", rule -> assertThat((String) rule).contains("report to the authorities"));
  }
}
