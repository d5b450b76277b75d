package com.caisschool.safeguarding.casefile;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/** Where a running case stands in its diagram: the names of the steps it waits at. */
@Component
class ProcessPositions {

  private final RuntimeService runtime;
  private final RepositoryService repository;

  ProcessPositions(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  List<String> of(String processInstanceId) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return List.of();
    }
    BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
    return runtime.getActiveActivityIds(processInstanceId).stream().map(id -> {
      ModelElementInstance element = model.getModelElementById(id);
      String name = element == null ? null : element.getAttributeValue("name");
      return name == null ? "a step without a name" : name.replaceAll("\\s+", " ").trim();
    }).toList();
  }
}
