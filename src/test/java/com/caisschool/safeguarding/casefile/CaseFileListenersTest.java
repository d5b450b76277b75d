package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case file hears of each step through built-in listeners that its plugin puts into every
 * model (CaseFilePlugin, issue 25), no longer through the Spring event bridge, which is off: so a
 * change made through the engine with "skip custom listeners" no longer bypasses the chronology.
 */
@ApplicationTest
class CaseFileListenersTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Chronology chronology;
  @Autowired CaseFiles caseFiles;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void aCaseCancelledSkippingCustomListenersIsStillClosedInItsChronology() {
    String id = new CaseSteps(port, taskService).reportConcern(bruises("Rosa Skiplisteners-Testchild"));
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    // Opened by the report itself, after the report's start event gave the case its reference.
    assertThat(chronology.ofCase(reference)).extracting(ChronologyEntry::kind).containsExactly(EntryKind.REPORT);
    assertThat(caseFiles.ofCase(reference)).singleElement().satisfies(file -> assertThat(file.open()).isTrue());

    runtimeService.deleteProcessInstance(id, "Reported twice by mistake", true);

    assertThat(chronology.ofCase(reference)).extracting(ChronologyEntry::kind)
        .containsExactly(EntryKind.REPORT, EntryKind.CLOSURE);
    assertThat(caseFiles.ofCase(reference)).singleElement().satisfies(file -> assertThat(file.open()).isFalse());
  }

  @Test
  void theEnginesSpringEventBridgeIsOff() {
    List<String> parseListeners = engineConfiguration.getCustomPostBPMNParseListeners().stream()
        .map(listener -> listener.getClass().getName()).toList();
    assertThat(parseListeners).noneMatch(name -> name.contains("PublishDelegateParseListener"));
  }
}
