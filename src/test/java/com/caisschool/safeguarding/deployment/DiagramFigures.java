package com.caisschool.safeguarding.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * The layout figures of a model's diagram, as a reader meets them: width, overlapping shapes, flows
 * through a shape, crossings, flows drawn on top of unrelated flows, and user tasks outside a lane or
 * in a lane not named for their candidate group. Shapes of every plane count (sub-process planes are
 * drawn below the pool).
 */
record DiagramFigures(double width, int overlappingShapes, int flowsThroughShapes, int crossings,
    int flowsOnTopOfOthers, List<String> userTasksOutsideLanes, List<String> userTasksInWrongLane) {

  /** The words a lane's name must contain for a task whose first candidate group is the key. */
  static final Map<String, String> LANE_WORDS = Map.ofEntries(
      Map.entry("staff", "staff"), Map.entry("cpo", "cpo"), Map.entry("dcpo", "deputy"),
      Map.entry("counselors", "counselor"), Map.entry("case-study-team", "case study team"),
      Map.entry("head-of-school", "head of school"), Map.entry("board-chair", "board chair"), Map.entry("hr", "hr"),
      Map.entry("trip-leaders", "trip leader"), Map.entry("smt", "senior management team"),
      Map.entry("${caseOwnerGroup}", "case owner"), Map.entry("${lowLevelConcernGroups}", "low-level concern"),
      // Configured roles, the CPO first by default (safeguarding.process-defaults: triageSignOffGroups).
      Map.entry("${triageSignOffGroups}", "cpo"));

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
    List<String> outside = new ArrayList<>();
    List<String> wrongLane = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Lane lane = laneOf.get(task.getId());
      if (lane == null) {
        outside.add(task.getId());
        continue;
      }
      String firstGroup = task.getCamundaCandidateGroups().split(",")[0].trim();
      String words = LANE_WORDS.get(firstGroup);
      if (words == null || lane.getName() == null || !lane.getName().toLowerCase(Locale.ROOT).contains(words)) {
        wrongLane.add(task.getId() + " in '" + lane.getName() + "'");
      }
    }
    return new DiagramFigures(maxX - minX, overlapping, through, crossings, onTop, outside, wrongLane);
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
