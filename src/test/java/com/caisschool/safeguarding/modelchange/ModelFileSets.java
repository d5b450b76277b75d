package com.caisschool.safeguarding.modelchange;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;

/** The application's files as an administrator takes them into Camunda Modeler: names without folders. */
final class ModelFileSets {

  private ModelFileSets() {}

  /** Deployment names the tests use for the versions they deploy in the shared application. */
  static final String FROM_MODELER = "changed in Modeler";
  static final String NEXT_VERSION = "concern, next policy version";

  /**
   * Removes the versions a test deployed, with their cases, so later tests of the shared
   * application find the application's own version latest (the test runs as the application,
   * which the history keeping does not refuse).
   */
  static void removeTestVersions(RepositoryService repositoryService) {
    repositoryService.createDeploymentQuery().list().stream()
        .filter(d -> FROM_MODELER.equals(d.getName()) || NEXT_VERSION.equals(d.getName())
            || (d.getName() != null && d.getName().startsWith(ModelProposals.BACK_TO)))
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  /** Every model, decision table and form, under its plain file name (as Modeler deploys them). */
  static Map<String, byte[]> everything() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    ModelChecksTest.allFiles().forEach((name, content) -> files.put(name.substring(name.indexOf('/') + 1), content));
    return files;
  }

  /** Everything, with the concern model's text changed. */
  static Map<String, byte[]> withConcern(String from, String to) {
    Map<String, byte[]> files = everything();
    String concern = ModelChecksTest.text(ModelChecksTest.CONCERN);
    if (!concern.contains(from)) {
      throw new IllegalArgumentException("not in the concern model: " + from);
    }
    files.put("safeguarding-concern.bpmn", concern.replace(from, to).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The concern model naming another policy version (a change that breaks nothing). */
  static Map<String, byte[]> concernWithVersionTag(String tag) {
    String concern = ModelChecksTest.text(ModelChecksTest.CONCERN);
    String current = concern.replaceAll("(?s).*?<bpmn:process id=\"safeguarding-concern\"[^>]*camunda:versionTag=\"([^\"]*)\".*", "$1");
    return withConcern("camunda:versionTag=\"" + current + "\"", "camunda:versionTag=\"" + tag + "\"");
  }
}
