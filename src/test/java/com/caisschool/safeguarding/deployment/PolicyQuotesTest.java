package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The steps an inspector looks for carry the policy's own words in the diagram: a text annotation,
 * drawn and joined to the step, quoting the clause (docs/policy-trace.md names this test for them).
 */
class PolicyQuotesTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "safeguarding-concern | start_event_concern_reported | All CAIS staff and faculty are mandated reporters. Concerns must be reported within 24 hours.",
      "safeguarding-concern | gateway_course_of_action | Four Main Courses of Action: Further Discovery, Monitor, Immediate Action, No Action.",
      "allegation-against-adult | task_choose_case_owner | Council of International Schools Safeguarding Flow Chart.",
      "allegation-against-adult | user_task_suspension_decision | CAIS has the right to suspend the abuser during an investigation.",
      "self-harm-response | user_task_risk_assessment | If a student discloses self-harm or suicidal ideation, the staff member must immediately notify the school counselor and CPO. The student may not leave campus until assessed."})
  void theStepQuotesThePolicy(String model, String step, String quote) {
    BpmnModelInstance instance = Bpmn.readModelFromFile(new File("processes/" + model + ".bpmn"));
    List<Association> quoting = instance.getModelElementsByType(Association.class).stream()
        .filter(a -> a.getSource().getId().equals(step) && a.getTarget() instanceof TextAnnotation t
            && t.getTextContent().contains(quote))
        .toList();
    assertThat(quoting).as("an annotation quoting the policy at " + step).hasSize(1);
    Association association = quoting.get(0);
    assertThat(instance.getModelElementsByType(BpmnShape.class))
        .anyMatch(s -> s.getBpmnElement() == association.getTarget());
    assertThat(instance.getModelElementsByType(BpmnEdge.class))
        .anyMatch(e -> e.getBpmnElement() == association);
  }
}
