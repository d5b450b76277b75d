package com.caisschool.safeguarding.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelParseException;
import org.junit.jupiter.api.Test;

/**
 * The model checks' reader with the schema compiled once gives what Camunda's own reader gives:
 * the same model of every file the application deploys, and the same refusals of a file that breaks
 * the BPMN schema or asks for an external entity.
 */
class BpmnReaderTest {

  private static final String CONCERN = "processes/safeguarding-concern.bpmn";

  @Test
  void everyModelOfTheReleaseReadsAsCamundasReaderReadsIt() {
    List<Path> models = modelFiles();
    assertThat(models).hasSizeGreaterThan(5);
    for (Path file : models) {
      byte[] content = bytes(file);
      BpmnModelInstance camundas = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      BpmnModelInstance ours = BpmnReader.read(content);
      assertThat(Bpmn.convertToString(ours)).as(file.toString()).isEqualTo(Bpmn.convertToString(camundas));
      // Elements are found by their id (the schema marks ids as such during the parse).
      for (BaseElement element : camundas.getModelElementsByType(BaseElement.class)) {
        if (element.getId() != null) {
          assertThat((Object) ours.getModelElementById(element.getId())).as(file + " " + element.getId()).isNotNull();
        }
      }
    }
    BpmnModelInstance concern = BpmnReader.read(bytes(Path.of(CONCERN)));
    assertThat(concern.<UserTask>getModelElementById("user_task_cpo_triage").getCamundaCandidateGroups()).isEqualTo("cpo");
  }

  @Test
  void aFileThatBreaksTheSchemaIsRefusedAsByCamundasReader() {
    // An element BPMN does not have, where the schema allows only its own.
    byte[] broken = text(CONCERN).replaceFirst("<bpmn:startEvent ", "<bpmn:beginEvent ")
        .replaceFirst("</bpmn:startEvent>", "</bpmn:beginEvent>").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(broken)))
        .isInstanceOf(ModelParseException.class);
    assertThatThrownBy(() -> BpmnReader.read(broken)).isInstanceOf(ModelParseException.class)
        .hasRootCauseMessage(rootCauseMessage(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(broken))));
  }

  @Test
  void aFileAskingForAnExternalEntityIsRefused() {
    byte[] entity = text(CONCERN).replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
        .replaceFirst("name=\"[^\"]*\"", "name=\"&e;\"").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(entity)))
        .isInstanceOf(ModelParseException.class);
    assertThatThrownBy(() -> BpmnReader.read(entity)).isInstanceOf(ModelParseException.class);
  }

  private static String rootCauseMessage(Runnable reading) {
    try {
      reading.run();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause.getMessage();
    }
    throw new AssertionError("read without a refusal");
  }

  private static List<Path> modelFiles() {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String file) {
    return new String(bytes(Path.of(file)), StandardCharsets.UTF_8);
  }
}
