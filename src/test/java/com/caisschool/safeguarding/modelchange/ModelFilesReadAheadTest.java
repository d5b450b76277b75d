package com.caisschool.safeguarding.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.deployment.ApplicationModels;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The application's models and forms are parsed on a thread of their own during start-up; the
 * start-up's deployment takes them only when it deploys exactly those files, so the checks always
 * look at what is deployed.
 */
class ModelFilesReadAheadTest {

  private static final String CONCERN = ModelChecksTest.CONCERN;
  private static final DeployedDefinitions NOTHING = new DeployedDefinitions() {
    public boolean hasForm(String key, Integer version) { return false; }
    public boolean hasDecision(String key, Integer version, String versionTag) { return false; }
    public BpmnModelInstance latestProcess(String key) { return null; }
  };

  @Test
  void theDeploymentOfTheApplicationsOwnFilesGetsThemParsedAhead() {
    AtomicReference<Map<String, byte[]>> readAhead = new AtomicReference<>();
    var ahead = new ModelFilesReadAhead(() -> {
      readAhead.set(ApplicationModels.read());
      return readAhead.get();
    });

    ModelFiles files = ahead.filesOf(ModelChecksTest.allFiles());

    // The very files read ahead (not a second reading): the deployment's are equal, byte for byte.
    assertThat(files.contents().get(CONCERN)).isSameAs(readAhead.get().get(CONCERN));
    assertThat(files.models()).containsKey(CONCERN);
    assertThat(files.formsById()).containsKey("concern-triage");
    assertThat(files.contents().keySet()).isEqualTo(ModelChecksTest.allFiles().keySet());
  }

  @Test
  void aDeploymentWithAChangedFileIsCheckedOnItsOwnFilesAndRefused() {
    var ahead = new ModelFilesReadAhead(ApplicationModels::read);
    Map<String, byte[]> changed = new HashMap<>(ModelChecksTest.allFiles());
    changed.put(CONCERN, "<definitions>broken".getBytes(StandardCharsets.UTF_8));

    ModelFiles files = ahead.filesOf(changed);

    assertThat(files.contents().get(CONCERN)).isSameAs(changed.get(CONCERN));
    assertThat(new ModelChecks(ModelChecksTest.rules(), name -> true).check(files, NOTHING))
        .anySatisfy(violation -> assertThat(violation.toString()).contains("readable").contains(CONCERN));
  }

  @Test
  void theFilesReadAheadAreHandedOutOnceOnly() {
    var ahead = new ModelFilesReadAhead(ApplicationModels::read);
    ahead.filesOf(ModelChecksTest.allFiles());
    Map<String, byte[]> again = ModelChecksTest.allFiles();

    assertThat(ahead.filesOf(again).contents().get(CONCERN)).isSameAs(again.get(CONCERN));
  }

  @Test
  void onceTheApplicationIsReadyADeploymentParsesItsOwnFiles() {
    var ahead = new ModelFilesReadAhead(ApplicationModels::read);
    ahead.letGo();
    Map<String, byte[]> files = ModelChecksTest.allFiles();

    assertThat(ahead.filesOf(files).contents().get(CONCERN)).isSameAs(files.get(CONCERN));
  }

  @Test
  void aReadAheadThatFailedLeavesTheDeploymentToParseItsFiles() {
    var ahead = new ModelFilesReadAhead(() -> {
      throw new IllegalStateException("no classpath");
    });
    Map<String, byte[]> files = ModelChecksTest.allFiles();

    ModelFiles parsed = ahead.filesOf(files);

    assertThat(parsed.contents().get(CONCERN)).isSameAs(files.get(CONCERN));
    assertThat(parsed.models()).containsKey(CONCERN);
  }
}
