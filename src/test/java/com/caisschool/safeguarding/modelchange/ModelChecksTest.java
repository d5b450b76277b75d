package com.caisschool.safeguarding.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The deployment checks on the real models, forms and decision table (they pass), and on copies
 * broken the ways an administrator breaks them (each refused by its rule, naming the element).
 */
class ModelChecksTest {

  static final String CONCERN = "processes/safeguarding-concern.bpmn";
  /** Beans of the application's context, some of which a model may not name. */
  private static final Set<String> BEANS = Set.of("notify", "escalate", "secondPerson", "triageRules", "triageSignOffRules", "openTrainingRecord",
      "auditActions", "dutyCalendar", "dutyRuns", "recruitmentChecks", "startLinkedProcess", "startNextCycle",
      "remindAssignees", "linkModelVersions", "taskDates", "dutyDates", "workingDays", "staffDirectory", "repositoryService",
      "nextOnCall", "onCallRobot", "onCallSms",
      "processEngine", "dataSource");

  private final ModelChecks checks = new ModelChecks(rules(), BEANS::contains);

  /** Nothing deployed yet: every reference must resolve in the files themselves. */
  private static final DeployedDefinitions NOTHING = new DeployedDefinitions() {
    public boolean hasForm(String key, Integer version) { return false; }
    public boolean hasDecision(String key, Integer version, String versionTag) { return false; }
    public BpmnModelInstance latestProcess(String key) { return null; }
  };

  @Test
  void theModelsFormsAndDecisionTableAsTheApplicationDeploysThemPass() {
    assertThat(checks.check(new ModelFiles(allFiles()), NOTHING)).isEmpty();
  }

  @Test
  void aModelDeployedWithoutItsFormsIsRefusedNamingTheTaskAndTheForm() {
    var violations = checks.check(new ModelFiles(Map.of(CONCERN, read(CONCERN))), NOTHING);
    assertThat(violations).filteredOn(v -> v.rule().equals("form-resolves"))
        .anySatisfy(v -> assertThat(v.toString()).contains("user_task_cpo_triage").contains("concern-triage")
            .contains("is not in this deployment"));
  }

  @Test
  void aFormWithBindingLatestResolvesAmongTheDeployedOnes() {
    String latest = text(CONCERN).replace("camunda:formRef=\"concern-triage\" camunda:formRefBinding=\"deployment\"",
        "camunda:formRef=\"concern-triage\" camunda:formRefBinding=\"latest\"");
    Map<String, byte[]> files = allFiles();
    files.put(CONCERN, latest.getBytes(StandardCharsets.UTF_8));
    files.remove("forms/concern-triage.form");
    DeployedDefinitions formDeployed = new DeployedDefinitions() {
      public boolean hasForm(String key, Integer version) { return key.equals("concern-triage"); }
      public boolean hasDecision(String key, Integer version, String versionTag) { return false; }
      public BpmnModelInstance latestProcess(String key) { return null; }
    };
    assertThat(checks.check(new ModelFiles(files), formDeployed)).isEmpty();
    assertThat(checks.check(new ModelFiles(files), NOTHING)).extracting(Violation::rule).contains("form-resolves");
  }

  @Test
  void aModelAndFormsWithoutTheDecisionTableAreRefused() {
    Map<String, byte[]> files = allFiles();
    files.remove("processes/concern-triage.dmn");
    assertThat(checks.check(new ModelFiles(files), NOTHING)).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("decision-resolves").contains("business_rule_task_priority")
            .contains("'concern-priority'"));
  }

  @Test
  void aTimerThatCopiesCaseDataThroughTheEngineIsRefused() {
    String leak = text(CONCERN).replace("${caseReference}",
        "${execution.getProcessEngineServices().getRepositoryService().createDeployment()"
            + ".addString('names.txt', execution.getVariable('childName')).deploy()}");
    var violations = checks.check(new ModelFiles(with(CONCERN, leak)), NOTHING);
    assertThat(violations).extracting(Violation::rule).contains("expressions");
    assertThat(violations).map(Violation::toString).anySatisfy(v -> assertThat(v)
        .contains("execution.getProcessEngineServices() which is not allowed".replace(" which", ", which")));
  }

  @Test
  void scriptsClassesAndBeansNotOnTheListAreRefused() {
    String changed = text(CONCERN)
        .replace("camunda:delegateExpression=\"${notify}\" />", "camunda:class=\"java.lang.Runtime\" />")
        .replace("${taskDates.halfway(triageDeadline)}", "${repositoryService.getDeployments()}")
        .replace("${workingDays.after(caseStudyTeamDeadline)}</bpmn:timeDuration>", "${dataSource}</bpmn:timeDuration>")
        .replace("<bpmn:endEvent id=\"service_task_alert_team_overdue\"",
            "<bpmn:scriptTask id=\"script_leak\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script>"
                + "</bpmn:scriptTask><bpmn:endEvent id=\"service_task_alert_team_overdue\"");
    var violations = checks.check(new ModelFiles(with(CONCERN, changed)), NOTHING);
    assertThat(violations).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("no-java-classes").contains("java.lang.Runtime"))
        .anySatisfy(v -> assertThat(v).startsWith("expressions").contains("user_task_cpo_triage")
            .contains("repositoryService"))
        .anySatisfy(v -> assertThat(v).startsWith("expressions").contains("'dataSource'"))
        .anySatisfy(v -> assertThat(v).startsWith("no-scripts").contains("script_leak"));
  }

  @Test
  void aDelegateBeanThatDoesNotExistIsRefused() {
    String changed = text(CONCERN).replaceFirst("\\$\\{notify}", "\\${notifyEveryone}");
    assertThat(checks.check(new ModelFiles(with(CONCERN, changed)), NOTHING)).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("delegate-bean").contains("'notifyEveryone'"));
  }

  @Test
  void aTriageWithoutItsEscalationToTheDeputyIsRefused() {
    String changed = text(CONCERN).replace("attachedToRef=\"user_task_cpo_triage\"",
        "attachedToRef=\"user_task_report_to_authorities\"");
    assertThat(checks.check(new ModelFiles(with(CONCERN, changed)), NOTHING)).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("triage-escalates").contains("user_task_cpo_triage"));
  }

  @Test
  void aCaseStudyTeamDecisionThatLostACourseIsRefused() {
    String changed = text(CONCERN).replace("${courseOfAction == 'no-action'}", "${courseOfAction == 'close'}");
    assertThat(checks.check(new ModelFiles(with(CONCERN, changed)), NOTHING)).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("case-study-team-courses").contains("user_task_case_study_team")
            .contains("[no-action]"));
  }

  @Test
  void aUserTaskWithoutADueDateIsRefused() {
    String changed = text(CONCERN).replace("camunda:dueDate=\"${workingDays.after(caseStudyTeamDeadline)}\" ", "");
    assertThat(checks.check(new ModelFiles(with(CONCERN, changed)), NOTHING)).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("user-task-due-date").contains("user_task_case_study_team"));
  }

  @Test
  void aDecisionFormThatNoLongerRequiresItsReasonIsRefused() {
    String form = "forms/concern-triage.form";
    String changed = text(form).replaceAll(
        "(\"key\"\\s*:\\s*\"triageRationale\"[\\s\\S]*?\"required\"\\s*:\\s*)true", "$1false");
    assertThat(changed).isNotEqualTo(text(form));
    assertThat(checks.check(new ModelFiles(with(form, changed)), NOTHING)).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("decision-reason").contains("user_task_cpo_triage")
            .contains("triageDecision"));
  }

  @Test
  void aCaseProcessThatStopsBeingACaseIsRefused() {
    String changed = text(CONCERN).replace("name=\"case\" value=\"true\"", "name=\"case\" value=\"false\"");
    assertThat(changed).isNotEqualTo(text(CONCERN));
    assertThat(checks.check(new ModelFiles(with(CONCERN, changed)), NOTHING)).map(Violation::toString)
        .anySatisfy(v -> assertThat(v).startsWith("case-process").contains("safeguarding-concern"));
  }

  static ModelRulesProperties rules() {
    try {
      var environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
          .forEach(source -> environment.getPropertySources().addLast(source));
      return Binder.get(environment).bind("safeguarding.model-rules", ModelRulesProperties.class).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file as the application deploys it (processes/ and forms/). */
  static Map<String, byte[]> allFiles() {
    Map<String, byte[]> files = new HashMap<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> paths = Files.list(Path.of(folder))) {
        // Files only: forms/i18n holds the forms' translations, which are not deployed.
        paths.filter(Files::isRegularFile).forEach(path -> files.put(folder + "/" + path.getFileName(), read(path.toString())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static Map<String, byte[]> with(String name, String changed) {
    Map<String, byte[]> files = allFiles();
    files.put(name, changed.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  static byte[] read(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(read(path), StandardCharsets.UTF_8);
  }
}
