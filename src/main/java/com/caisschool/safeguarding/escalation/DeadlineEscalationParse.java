package com.caisschool.safeguarding.escalation;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.LocatorImpl;

/**
 * Gives every user task with a due date an escalation when that date passes, in every model on
 * every way in (start-up, REST, Cockpit): before the engine reads a user task, a "timeout" task
 * listener is added to it, timed like the task's {@code camunda:dueDate}, calling
 * {@code ${escalate}} ({@link LateTaskEscalation}). The engine then parses, schedules, retries and
 * shows it like a listener drawn in Camunda Modeler, so a model cannot leave it out.
 *
 * <p>Not added where the model draws its own timer on the task (the model decides what happens, and
 * its alert goes through the same table), nor to a task the school's table exempts.
 */
final class DeadlineEscalationParse extends BpmnParse {

  /** The id of the added listener: a timer job in Cockpit names it. */
  static final String LISTENER_ID = "deadline-escalation";

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final EscalationRules rules;
  private final Set<String> tasksWithDrawnTimers = new HashSet<>();
  private String processKey;

  DeadlineEscalationParse(BpmnParser parser, EscalationRules rules) {
    super(parser);
    this.rules = rules;
  }

  @Override
  public ProcessDefinitionEntity parseProcess(Element processElement) {
    processKey = processElement.attribute("id");
    tasksWithDrawnTimers.clear();
    collectTimerTargets(processElement);
    return super.parseProcess(processElement);
  }

  @Override
  public ActivityImpl parseUserTask(Element userTask, ScopeImpl scope) {
    String dueDate = userTask.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "dueDate");
    String id = userTask.attribute("id");
    if (dueDate != null && !tasksWithDrawnTimers.contains(id) && !rules.isExempt(processKey, id)) {
      extensions(userTask).add(timeoutListener(dueDate));
    }
    return super.parseUserTask(userTask, scope);
  }

  private void collectTimerTargets(Element scope) {
    for (Element child : scope.elements()) {
      if ("boundaryEvent".equals(child.getTagName()) && child.element("timerEventDefinition") != null) {
        tasksWithDrawnTimers.add(child.attribute("attachedToRef"));
      }
      collectTimerTargets(child);
    }
  }

  private static Element extensions(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    if (extensions == null) {
      extensions = element(BPMN_NS, "extensionElements", new AttributesImpl());
      userTask.add(extensions);
    }
    return extensions;
  }

  /** {@code <camunda:taskListener event="timeout" id=… delegateExpression="${escalate}">} timed by the due date. */
  private static Element timeoutListener(String dueDateExpression) {
    var attributes = new AttributesImpl();
    attributes.addAttribute("", "event", "event", "CDATA", "timeout");
    attributes.addAttribute("", "id", "id", "CDATA", LISTENER_ID);
    attributes.addAttribute("", "delegateExpression", "delegateExpression", "CDATA", "${escalate}");
    Element listener = element(CAMUNDA_NS, "taskListener", attributes);
    Element timer = element(BPMN_NS, "timerEventDefinition", new AttributesImpl());
    Element duration = element(BPMN_NS, "timeDuration", new AttributesImpl());
    duration.appendText(dueDateExpression);
    timer.add(duration);
    listener.add(timer);
    return listener;
  }

  private static Element element(String namespace, String name, AttributesImpl attributes) {
    return new Element(namespace, name, name, attributes, new LocatorImpl());
  }
}
