package com.caisschool.safeguarding.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The files of one deployment (or of a proposal or a dry run), by resource name, read once: its
 * models, its decision tables and its forms (a form's id is the id its JSON states). A file that
 * cannot be read is itself a violation.
 */
public final class ModelFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, byte[]> files;
  private final Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
  private final Map<String, Set<String>> decisionsByFile = new LinkedHashMap<>();
  private final Map<String, JsonNode> formsById = new LinkedHashMap<>();
  private final List<Violation> unreadable = new ArrayList<>();

  public ModelFiles(Map<String, byte[]> files) {
    this.files = new TreeMap<>(files);
    this.files.forEach(this::read);
  }

  private void read(String name, byte[] content) {
    try {
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        models.put(name, BpmnReader.read(content));
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        decisionsByFile.put(name, Dmn.readModelFromStream(new ByteArrayInputStream(content))
            .getModelElementsByType(Decision.class).stream().map(Decision::getId).collect(Collectors.toSet()));
      } else if (name.endsWith(".form")) {
        JsonNode form = JSON.readTree(content);
        String id = form.path("id").asText();
        formsById.put(id, form);
        if (!name.equals(id + ".form") && !name.endsWith("/" + id + ".form")) {
          unreadable.add(new Violation("form-file-name", name, id, "a form's file is named after its id: "
              + id + ".form"));
        }
      } else {
        unreadable.add(new Violation("known-files", name, null,
            "only models (.bpmn), decision tables (.dmn) and forms (.form) can be deployed"));
      }
    } catch (IOException | RuntimeException e) {
      unreadable.add(new Violation("readable", name, null, "the file cannot be read as a model, decision table"
          + " or form (open it in Camunda Modeler and save it again)"));
    }
  }

  public Map<String, byte[]> contents() {
    return files;
  }

  public Map<String, BpmnModelInstance> models() {
    return models;
  }

  public Map<String, Set<String>> decisionsByFile() {
    return decisionsByFile;
  }

  public boolean hasDecision(String key) {
    return decisionsByFile.values().stream().anyMatch(ids -> ids.contains(key));
  }

  public Map<String, JsonNode> formsById() {
    return formsById;
  }

  List<Violation> unreadable() {
    return unreadable;
  }
}
