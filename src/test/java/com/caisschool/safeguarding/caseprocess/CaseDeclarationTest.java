package com.caisschool.safeguarding.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * The Process element of the model an execution runs is found once per deployed model and process
 * definition (issue 25: it is asked as every task of a case is created), and it is the right one.
 */
class CaseDeclarationTest {

  @Test
  void findsTheProcessOfAnExecutionOncePerModelAndDefinition() {
    AtomicInteger walks = new AtomicInteger();
    BpmnModelInstance model = counting(Bpmn.createExecutableProcess("concern").startEvent().userTask("triage")
        .endEvent().done(), walks);

    Process first = CaseDeclaration.processOf(running(model, "concern:1:abc"));
    Process again = CaseDeclaration.processOf(running(model, "concern:1:abc"));

    assertThat(first.getId()).isEqualTo("concern");
    assertThat(again).isSameAs(first);
    assertThat(walks).hasValue(1);
  }

  @Test
  void findsEachProcessOfAModelWithSeveral() {
    BpmnModelInstance both = Bpmn.createExecutableProcess("concern").startEvent().endEvent().done();
    Process review = both.newInstance(Process.class);
    review.setId("review");
    both.getDefinitions().addChildElement(review);

    assertThat(CaseDeclaration.processOf(running(both, "concern:2:x")).getId()).isEqualTo("concern");
    assertThat(CaseDeclaration.processOf(running(both, "review:1:y")).getId()).isEqualTo("review");
    assertThat(CaseDeclaration.processOf(running(both, "concern:2:x")).getId()).isEqualTo("concern");
  }

  /** The model, counting the walks through its document that find a process. */
  private static BpmnModelInstance counting(BpmnModelInstance model, AtomicInteger walks) {
    return (BpmnModelInstance) Proxy.newProxyInstance(loader(), new Class<?>[] {BpmnModelInstance.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getModelElementsByType") || method.getName().equals("getModelElementById")) {
            walks.incrementAndGet();
          }
          try {
            return method.invoke(model, args);
          } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
          }
        });
  }

  /** An execution of the given definition of the model: only what the lookup asks for. */
  private static DelegateExecution running(BpmnModelInstance model, String definitionId) {
    return (DelegateExecution) Proxy.newProxyInstance(loader(), new Class<?>[] {DelegateExecution.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getBpmnModelInstance" -> model;
          case "getProcessDefinitionId" -> definitionId;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static ClassLoader loader() {
    return CaseDeclarationTest.class.getClassLoader();
  }
}
