package com.caisschool.safeguarding.benchmark;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application's models as bare Camunda runs them: the same elements and wait states, without
 * anything the application adds. Generic on purpose (the models change): every execution and task
 * listener, connector and Java/bean implementation is removed wherever it is; service-like tasks
 * become no-op expressions; forms and follow-up dates (bean calls) go. Process ids, message and
 * signal names get the prefix {@value #PREFIX}, so the bare copy can live in the application's
 * database without meeting the application's own definitions. Decisions are kept as they are.
 */
final class BareModels {

  static final String PREFIX = "bare-";
  private static final String NO_OP = "${null}";
  private static final String FAR_DATE = "2099-01-01T00:00:00Z";
  private static final List<String> APPLICATION_ATTRIBUTES = List.of(
      "formRef", "formRefBinding", "formRefVersion", "formKey", "followUpDate", "class", "delegateExpression");

  private BareModels() {}

  /**
   * Writes the stripped copy into {@code folder} (made fresh), where bare Camunda deploys it from as
   * it is ({@code --bare.models}): the stripping is the benchmark's work, done before bare Camunda
   * starts, never part of its start-up. Returns the folder.
   */
  static Path writeStripped(Path folder) {
    try {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> old = Files.list(folder)) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(folder);
      for (Map.Entry<String, byte[]> file : fromClasspath().entrySet()) {
        Files.write(folder.resolve(file.getKey()), file.getValue());
      }
      return folder.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under processes/ on the classpath, BPMN stripped: file name to content. */
  static Map<String, byte[]> fromClasspath() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.*")) {
        String name = resource.getFilename();
        byte[] content = resource.getContentAsByteArray();
        if (name.endsWith(".bpmn")) {
          files.put(name, Bpmn.convertToString(strip(Bpmn.readModelFromStream(new ByteArrayInputStream(content))))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (name.endsWith(".dmn")) {
          files.put(name, content);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.keySet().stream().noneMatch(name -> name.endsWith(".bpmn"))) {
      throw new IllegalStateException("No models under processes/ on the classpath");
    }
    return files;
  }

  static BpmnModelInstance strip(BpmnModelInstance model) {
    removeAll(model, CamundaExecutionListener.class);
    removeAll(model, CamundaTaskListener.class);
    removeAll(model, CamundaConnector.class);
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      boolean hadImplementation = element.getAttributeValueNs(CAMUNDA_NS, "class") != null
          || element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression") != null
          || element.getAttributeValueNs(CAMUNDA_NS, "expression") != null;
      APPLICATION_ATTRIBUTES.forEach(attribute -> element.removeAttributeNs(CAMUNDA_NS, attribute));
      boolean serviceLike = element instanceof ServiceTask || element instanceof SendTask
          || (element instanceof BusinessRuleTask rule && rule.getCamundaDecisionRef() == null);
      if (serviceLike && hadImplementation) {
        element.setAttributeValueNs(CAMUNDA_NS, "expression", NO_OP);
      }
    }
    for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
      script.removeAttributeNs(CAMUNDA_NS, "resource");
      script.setScriptFormat("juel");
      script.getScript().setTextContent(NO_OP);
    }
    // A yearly duty's timer start asks the application's calendar when it is due, at deployment:
    // the bare copy starts it on a fixed far date instead (the benchmark never waits for it).
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      for (TimerEventDefinition timer : start.getChildElementsByType(TimerEventDefinition.class)) {
        if (timer.getTimeDate() != null && timer.getTimeDate().getTextContent().contains("${")) {
          timer.getTimeDate().setTextContent(FAR_DATE);
        }
        if (timer.getTimeCycle() != null && timer.getTimeCycle().getTextContent().contains("${")) {
          timer.getTimeCycle().setTextContent("R/" + FAR_DATE + "/P1Y");
        }
        if (timer.getTimeDuration() != null && timer.getTimeDuration().getTextContent().contains("${")) {
          timer.getTimeDuration().setTextContent("P100Y");
        }
      }
    }
    // Deadlines in working days ask the application's calendar (a bean): the bare copy counts the
    // same period in calendar days.
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaDueDate() != null) {
        task.setCamundaDueDate(calendarDays(task.getCamundaDueDate()));
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      if (timer.getTimeDuration() != null) {
        timer.getTimeDuration().setTextContent(calendarDays(timer.getTimeDuration().getTextContent()));
      }
    }
    // Message throw events keep no implementation: the engine then passes through them.
    model.getModelElementsByType(Process.class).forEach(process -> process.setId(PREFIX + process.getId()));
    model.getModelElementsByType(Message.class).forEach(message -> message.setName(PREFIX + message.getName()));
    model.getModelElementsByType(Signal.class).forEach(signal -> signal.setName(PREFIX + signal.getName()));
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (call.getCalledElement() != null && !call.getCalledElement().contains("${")) {
        call.setCalledElement(PREFIX + call.getCalledElement());
      }
    }
    Bpmn.validateModel(model);
    return model;
  }

  private static String calendarDays(String expression) {
    return expression.replaceAll("\\$\\{workingDays\\.(after|halfway)\\(([A-Za-z]+)\\)}", "\\${$2}");
  }

  private static void removeAll(BpmnModelInstance model, Class<? extends ModelElementInstance> type) {
    for (ModelElementInstance element : List.copyOf(model.getModelElementsByType(type))) {
      element.getParentElement().removeChildElement(element);
    }
  }
}
