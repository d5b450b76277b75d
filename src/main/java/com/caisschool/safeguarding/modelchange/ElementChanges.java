package com.caisschool.safeguarding.modelchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * What a deployment changes against the latest deployed version of each of its processes: the
 * elements (tasks, events, gateways, flows) it adds and removes, and the policy version
 * ({@code camunda:versionTag}) each process names.
 */
record ElementChanges(String added, String removed, String versionTags) {

  static ElementChanges of(ModelFiles files, DeployedDefinitions deployed) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    files.models().values().forEach(model -> model.getModelElementsByType(Process.class).forEach(process -> {
      Set<String> now = ids(model, process.getId());
      BpmnModelInstance previous = deployed.latestProcess(process.getId());
      Set<String> before = previous == null ? Set.of() : ids(previous, process.getId());
      describe(process.getId(), now, before, added);
      describe(process.getId(), before, now, removed);
      tags.add(process.getId() + " " + (process.getCamundaVersionTag() == null ? "(none)" : process.getCamundaVersionTag()));
    }));
    return new ElementChanges(String.join("; ", added), String.join("; ", removed), String.join("; ", tags));
  }

  private static void describe(String process, Set<String> these, Set<String> notIn, List<String> into) {
    Set<String> only = new TreeSet<>(these);
    only.removeAll(notIn);
    if (!only.isEmpty()) {
      into.add(process + ": " + String.join(", ", only));
    }
  }

  private static Set<String> ids(BpmnModelInstance model, String processId) {
    return model.getModelElementsByType(FlowElement.class).stream()
        .filter(element -> inProcess(element, processId))
        .map(FlowElement::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean inProcess(FlowElement element, String processId) {
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Process process) {
        return process.getId().equals(processId);
      }
    }
    return false;
  }
}
