package com.caisschool.safeguarding.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * The layout figures of a model's diagram, as a reader meets them: width, overlapping shapes, flows
 * through a shape, crossings, flows drawn on top of unrelated flows, user tasks outside a lane or in
 * a lane of other roles ({@link #LANE_ROLES}), lanes of unknown roles, system steps (alerts,
 * records, decisions) outside the system lane, and alerts drawn as a task with an end event of its
 * own. Shapes of every plane count (sub-process planes are drawn below the pool).
 */
record DiagramFigures(double width, int overlappingShapes, int flowsThroughShapes, int crossings,
    int flowsOnTopOfOthers, List<String> userTasksOutsideLanes, List<String> userTasksInWrongLane,
    List<String> unknownLanes, List<String> systemStepsOutsideSystemLane, List<String> alertsNotCompact) {

  /**
   * Who works in each lane, by the lane's name: the candidate groups (or, for a task assigned to one
   * person, the assignee expression) of the user tasks that belong there. A lane shared by two roles
   * ("CPO or deputy") lists both, and holds the tasks offered to both. A group chosen per case, such
   * as {@code ${caseOwnerGroup}}, has a lane named for the choice. Lanes whose name starts with
   * "System" hold the system's steps and no user task. A new lane name must be added here.
   */
  static final Map<String, Set<String>> LANE_ROLES = Map.ofEntries(
      Map.entry("Staff", Set.of("staff")),
      Map.entry("CPO", Set.of("cpo")),
      Map.entry("Deputy CPO", Set.of("dcpo")),
      Map.entry("CPO or deputy", Set.of("cpo", "dcpo")),
      Map.entry("CPO and deputy", Set.of("cpo", "dcpo")),
      Map.entry("Closing sign-off (CPO by default)", Set.of("${triageSignOffGroups}")),
      Map.entry("Case Study Team", Set.of("case-study-team")),
      Map.entry("Counselors", Set.of("counselors")),
      Map.entry("Counselors, CPO or deputy", Set.of("counselors", "cpo", "dcpo")),
      Map.entry("CPO, Head of School or counselors", Set.of("cpo", "head-of-school", "counselors")),
      Map.entry("CPO, deputy or Head of School", Set.of("cpo", "dcpo", "head-of-school")),
      Map.entry("Head of School", Set.of("head-of-school")),
      Map.entry("HR (recruitment)", Set.of("hr")),
      Map.entry("Case owner: Head of School, or Board Chair when the allegation is about the Head",
          Set.of("${caseOwnerGroup}")),
      Map.entry("Low-level concern: HR, CPO and deputy (Board Chair, CPO and deputy when about the Head)",
          Set.of("${lowLevelConcernGroups}")),
      Map.entry("Trip leader (followed by the CPO)", Set.of("${tripLeader}")),
      Map.entry("Action owners (followed by the CPO)", Set.of("${actionOwner}")),
      Map.entry("Senior Management Team", Set.of("smt")),
      Map.entry("Board Chair (for the school board)", Set.of("board-chair")),
      Map.entry("HR", Set.of("hr")),
      Map.entry("Staff: each confirms they have read it (followed by the CPO)", Set.of("${acknowledger}")),
      Map.entry("Staff: each confirms their photos are deleted (followed by the CPO)", Set.of("${confirmer}")),
      Map.entry("Member of staff: their own training (followed by HR)", Set.of("${staffMember}")),
      Map.entry("On call: CPO, deputy or the person on the rota", Set.of("${onCallPerson}")));

  /**
   * The system's own steps: they belong in the system lane. An end event counts when it does
   * something itself (a message end event with an implementation, such as an alert).
   */
  private static final List<Class<? extends FlowNode>> SYSTEM_STEPS = List.of(ServiceTask.class,
      BusinessRuleTask.class, ScriptTask.class, SendTask.class, IntermediateThrowEvent.class);

  private record Box(double x1, double y1, double x2, double y2) {
  }

  private record Point(double x, double y) {
  }

  private record Segment(String flow, Point a, Point b) {
  }

  static DiagramFigures of(BpmnModelInstance model) {
    Map<String, Box> nodes = new HashMap<>();
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      Bounds b = shape.getBounds();
      Box box = new Box(b.getX(), b.getY(), b.getX() + b.getWidth(), b.getY() + b.getHeight());
      minX = Math.min(minX, box.x1());
      maxX = Math.max(maxX, box.x2());
      BaseElement element = shape.getBpmnElement();
      if (element instanceof FlowNode && !(element instanceof SubProcess && Boolean.TRUE.equals(shape.isExpanded()))) {
        nodes.put(element.getId(), box);
      }
    }
    Map<String, String[]> ends = new HashMap<>();
    List<Segment> segments = new ArrayList<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      BaseElement element = edge.getBpmnElement();
      String id = element.getId();
      if (element instanceof SequenceFlow flow) {
        ends.put(id, new String[] {flow.getSource().getId(), flow.getTarget().getId()});
      } else if (element instanceof Association association) {
        ends.put(id, new String[] {association.getSource().getId(), association.getTarget().getId()});
      }
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      for (int i = 0; i + 1 < points.size(); i++) {
        segments.add(new Segment(id, point(points.get(i)), point(points.get(i + 1))));
      }
    }
    Set<String> boundaryEvents = ids(model.getModelElementsByType(BoundaryEvent.class));
    List<Map.Entry<String, Box>> solid = nodes.entrySet().stream().filter(e -> !boundaryEvents.contains(e.getKey())).toList();
    int overlapping = 0;
    for (int i = 0; i < solid.size(); i++) {
      for (int j = i + 1; j < solid.size(); j++) {
        Box a = solid.get(i).getValue();
        Box b = solid.get(j).getValue();
        if (a.x1() < b.x2() && b.x1() < a.x2() && a.y1() < b.y2() && b.y1() < a.y2()) {
          overlapping++;
        }
      }
    }
    int through = 0;
    for (Segment s : segments) {
      List<String> own = List.of(ends.getOrDefault(s.flow(), new String[0]));
      for (Map.Entry<String, Box> node : solid) {
        if (!own.contains(node.getKey()) && passesThrough(s, node.getValue())) {
          through++;
        }
      }
    }
    int crossings = 0;
    int onTop = 0;
    for (int i = 0; i < segments.size(); i++) {
      for (int j = i + 1; j < segments.size(); j++) {
        Segment s = segments.get(i);
        Segment t = segments.get(j);
        if (s.flow().equals(t.flow())) {
          continue;
        }
        if (cross(s, t)) {
          crossings++;
        }
        String[] e1 = ends.getOrDefault(s.flow(), new String[] {"?1", "?2"});
        String[] e2 = ends.getOrDefault(t.flow(), new String[] {"?3", "?4"});
        if (!e1[0].equals(e2[0]) && !e1[1].equals(e2[1]) && sharedLength(s, t) > 10) {
          onTop++;
        }
      }
    }
    Map<String, Lane> laneOf = new HashMap<>();
    for (Lane lane : model.getModelElementsByType(Lane.class)) {
      lane.getFlowNodeRefs().forEach(node -> laneOf.put(node.getId(), lane));
    }
    Set<Set<String>> roleSetsWithALane = new HashSet<>();
    List<String> unknownLanes = new ArrayList<>();
    for (Lane lane : model.getModelElementsByType(Lane.class)) {
      Set<String> roles = roles(lane);
      if (roles == null) {
        unknownLanes.add(String.valueOf(lane.getName()));
      } else {
        roleSetsWithALane.add(roles);
      }
    }
    List<String> outside = new ArrayList<>();
    List<String> wrongLane = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Lane lane = laneOf.get(task.getId());
      if (lane == null) {
        outside.add(task.getId());
      } else if (!inRightLane(who(task), roles(lane), roleSetsWithALane)) {
        wrongLane.add(task.getId() + " in '" + lane.getName() + "'");
      }
    }
    List<String> systemStepsOutside = new ArrayList<>();
    for (FlowNode step : model.getModelElementsByType(FlowNode.class)) {
      Lane lane = laneOf.get(step.getId());
      boolean topLevel = step.getParentElement() instanceof Process;
      if (isSystemStep(step) && topLevel && !laneOf.isEmpty() && (lane == null || !isSystemLane(lane))) {
        systemStepsOutside.add(step.getId());
      }
    }
    return new DiagramFigures(maxX - minX, overlapping, through, crossings, onTop, outside, wrongLane, unknownLanes,
        systemStepsOutside, alertsNotCompact(model));
  }

  private static boolean isSystemStep(FlowNode node) {
    return SYSTEM_STEPS.stream().anyMatch(type -> type.isInstance(node))
        || node instanceof EndEvent end && end.getEventDefinitions().stream().anyMatch(DiagramFigures::hasImplementation);
  }

  /** A message event definition that runs code (as Camunda runs a service task's). */
  private static boolean hasImplementation(EventDefinition definition) {
    return definition instanceof MessageEventDefinition message && (message.getCamundaClass() != null
        || message.getCamundaDelegateExpression() != null || message.getCamundaExpression() != null
        || message.getCamundaType() != null);
  }

  /**
   * Alerts drawn as two shapes where one says it: a service or send task that tells people (it has a
   * {@code notificationKind} input) whose only flow goes to an end event reached by nothing else
   * ("task → its own end"). Drawn compactly it is one message end event (or, inside a flow, one
   * message throw event) carrying the task's implementation and id. A record written as a case's
   * last step ("open the training record", then "cleared to start") is not an alert.
   */
  private static List<String> alertsNotCompact(BpmnModelInstance model) {
    List<String> found = new ArrayList<>();
    List<FlowNode> tasks = new ArrayList<>(model.getModelElementsByType(ServiceTask.class));
    tasks.addAll(model.getModelElementsByType(SendTask.class));
    for (FlowNode task : tasks) {
      if (task.getOutgoing().size() == 1 && tellsPeople(task)) {
        FlowNode next = task.getOutgoing().iterator().next().getTarget();
        if (next instanceof EndEvent && next.getIncoming().size() == 1) {
          found.add(task.getId() + " -> " + next.getId());
        }
      }
    }
    return found;
  }

  private static boolean tellsPeople(FlowNode task) {
    return task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .anyMatch(input -> "notificationKind".equals(input.getCamundaName()));
  }

  /** Who does a task: the person it is assigned to, else its candidate groups, the leading one first. */
  private static List<String> who(UserTask task) {
    if (task.getCamundaAssignee() != null) {
      return List.of(task.getCamundaAssignee().trim());
    }
    String groups = task.getCamundaCandidateGroups();
    return groups == null ? List.of() : Stream.of(groups.split(",")).map(String::trim).toList();
  }

  private static boolean isSystemLane(Lane lane) {
    return lane.getName() != null && lane.getName().startsWith("System");
  }

  /** The roles of a lane; empty for the system lane; null when its name is not in {@link #LANE_ROLES}. */
  private static Set<String> roles(Lane lane) {
    return isSystemLane(lane) ? Set.of() : LANE_ROLES.get(lane.getName());
  }

  /**
   * A task belongs in the lane of exactly its roles; when the pool has no such lane (a task offered to
   * several roles that share no lane), in a lane of its leading role whose roles are all the task's.
   */
  private static boolean inRightLane(List<String> who, Set<String> laneRoles, Set<Set<String>> roleSetsWithALane) {
    if (who.isEmpty() || laneRoles == null || laneRoles.isEmpty()) {
      return false;
    }
    Set<String> taskRoles = Set.copyOf(who);
    if (laneRoles.equals(taskRoles)) {
      return true;
    }
    return !roleSetsWithALane.contains(taskRoles) && laneRoles.contains(who.get(0)) && taskRoles.containsAll(laneRoles);
  }

  private static Set<String> ids(Collection<? extends BaseElement> elements) {
    return Set.copyOf(elements.stream().map(BaseElement::getId).toList());
  }

  private static Point point(Waypoint w) {
    return new Point(w.getX(), w.getY());
  }

  /** A segment passes through a shape when a point of it lies inside the shape (2 px in from its border). */
  private static boolean passesThrough(Segment s, Box box) {
    double x1 = box.x1() + 2;
    double y1 = box.y1() + 2;
    double x2 = box.x2() - 2;
    double y2 = box.y2() - 2;
    for (int i = 0; i <= 20; i++) {
      double t = i / 20.0;
      double x = s.a().x() + (s.b().x() - s.a().x()) * t;
      double y = s.a().y() + (s.b().y() - s.a().y()) * t;
      if (x1 < x && x < x2 && y1 < y && y < y2) {
        return true;
      }
    }
    return false;
  }

  private static int orientation(Point p, Point q, Point r) {
    double v = (q.x() - p.x()) * (r.y() - p.y()) - (q.y() - p.y()) * (r.x() - p.x());
    return Math.abs(v) < 1e-9 ? 0 : v > 0 ? 1 : -1;
  }

  /** Proper crossings only: segments that touch at an end (a join) do not count. */
  private static boolean cross(Segment s, Segment t) {
    return orientation(s.a(), s.b(), t.a()) * orientation(s.a(), s.b(), t.b()) < 0
        && orientation(t.a(), t.b(), s.a()) * orientation(t.a(), t.b(), s.b()) < 0;
  }

  /** How far two horizontal (or two vertical) segments on the same line run on top of each other. */
  private static double sharedLength(Segment s, Segment t) {
    Point a = s.a();
    Point b = s.b();
    Point c = t.a();
    Point d = t.b();
    if (Math.abs(a.y() - b.y()) < 1 && Math.abs(c.y() - d.y()) < 1 && Math.abs(a.y() - c.y()) < 1) {
      return Math.min(Math.max(a.x(), b.x()), Math.max(c.x(), d.x())) - Math.max(Math.min(a.x(), b.x()), Math.min(c.x(), d.x()));
    }
    if (Math.abs(a.x() - b.x()) < 1 && Math.abs(c.x() - d.x()) < 1 && Math.abs(a.x() - c.x()) < 1) {
      return Math.min(Math.max(a.y(), b.y()), Math.max(c.y(), d.y())) - Math.max(Math.min(a.y(), b.y()), Math.min(c.y(), d.y()));
    }
    return 0;
  }
}
