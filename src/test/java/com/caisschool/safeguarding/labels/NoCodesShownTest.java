package com.caisschool.safeguarding.labels;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static com.caisschool.safeguarding.testing.ConcernReports.form;
import static com.caisschool.safeguarding.testing.ConcernReports.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.forms.FormDefinitions;
import com.caisschool.safeguarding.forms.FormField;
import com.caisschool.safeguarding.identity.SchoolRoles;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.NotificationEmails;
import com.caisschool.safeguarding.notification.NotificationProperties;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.CaseSteps;
import com.caisschool.safeguarding.testing.DueJobs;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 23: every page, PDF and email a person receives reads as words. A case is reported (by a
 * teacher, about a family member, with a category) and triaged; then every page the teacher and
 * the CPO open, both PDFs, the board report and every alert email are rendered and their visible
 * text searched for any process key, any element id of any model, any option code of any form
 * (the hyphenated or underscored values) and any role's group id that is not a plain word.
 */
@ApplicationTest
class NoCodesShownTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired NotificationProperties notifications;
  @Autowired SchoolRoles roles;
  @Autowired JdbcTemplate jdbc;

  @Test
  void noPagePdfOrEmailShowsAProcessKeyElementIdOptionCodeOrGroupId() throws IOException {
    RestApi cpoApi = RestApi.as(port, "cpo", "demo");
    CaseSteps steps = new CaseSteps(port, taskService);
    String child = "Uma Wording-Testchild";
    String id = steps.reportConcern(with(bruises(child), "studentId", "S-NC-2301"));
    DueJobs.run(managementService, id);
    steps.decideAuthoritiesNotNow(cpoApi, id);
    steps.submitOpenTask(cpoApi, id, form("initialFacts", "Class teacher confirms", "authorityReportDue", "no",
        "triageDecision", "case-study-team", "triageRationale", "Pattern of injuries"));
    DueJobs.run(managementService, id);
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
    Long childId = jdbc.queryForObject("select child_id from case_file where process_instance_id = ?", Long.class, id);

    Map<String, String> shown = new LinkedHashMap<>();
    WebappSession teacher = WebappSession.loggedIn(port, "teacher", "demo");
    shown.put("teacher's start page", text(teacher.page("/start").body()));
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    shown.put("CPO's start page", text(cpo.page("/start").body()));
    shown.put("overview", text(cpo.page("/overview").body()));
    shown.put("overview, child found", text(cpo.page("/overview?child=" + URLEncoder.encode(child, StandardCharsets.UTF_8)).body()));
    shown.put("case list", text(cpo.page("/casefile").body()));
    shown.put("case page", text(cpo.page("/casefile/cases/" + reference).body()));
    shown.put("child's page", text(cpo.page("/casefile/children/" + childId).body()));
    shown.put("board report", text(cpo.page("/board-report?year=" + Year.now()).body()));
    shown.put("case PDF", pdf(cpo.export("/casefile/cases/" + reference, "/casefile/cases/" + reference + "/export.pdf")));
    shown.put("child's PDF", pdf(cpo.export("/casefile/children/" + childId, "/casefile/children/" + childId + "/export.pdf")));
    NotificationEmails emails = new NotificationEmails(notifications.subjectPrefix(), notifications.kinds(),
        "https://safeguarding.school.invalid");
    for (String kind : notifications.kinds().keySet()) {
      Notification alert = new Notification(reference, kind, List.of("cpo", "dcpo"), id, "service_task_notify");
      shown.put("email " + kind, emails.subject(alert) + "\n" + emails.body(alert));
    }
    assertThat(shown.get("case page")).contains(child).contains("Decision").contains("A family member");

    Pattern codes = Pattern.compile("(?<![\\w-])(" + String.join("|", codes().stream().map(Pattern::quote).toList())
        + ")(?![\\w-])");
    List<String> found = new ArrayList<>();
    shown.forEach((what, text) -> {
      Matcher code = codes.matcher(text);
      while (code.find()) {
        int from = Math.max(0, code.start() - 40);
        found.add(what + ": " + code.group() + " in \"" + text.substring(from, Math.min(text.length(), code.end() + 40))
            .replace('\n', ' ') + "\"");
      }
    });
    assertThat(found).as("codes shown to people").isEmpty();
  }

  /**
   * Every process key, element id, form option code and group id that is not a plain word; less
   * those the models' and forms' own labels use as words (a step named "... self-harm reported"
   * is the model's wording, not the code {@code self-harm}).
   */
  private Set<String> codes() throws IOException {
    Set<String> codes = new TreeSet<>();
    StringBuilder labels = new StringBuilder();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      codes.add(definition.getKey());
      labels.append(definition.getName()).append('\n');
      for (FlowElement element : repositoryService.getBpmnModelInstance(definition.getId())
          .getModelElementsByType(FlowElement.class)) {
        codes.add(element.getId());
        labels.append(element.getName()).append('\n');
      }
    }
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        for (FormField field : FormDefinitions.parse(in)) {
          field.options().stream().filter(NoCodesShownTest::notAPlainWord).forEach(codes::add);
          labels.append(field.label()).append('\n').append(String.join("\n", field.optionLabels().values())).append('\n');
        }
      }
    }
    roles.roles().keySet().stream().filter(group -> notAPlainWord(group) || group.equals("dcpo")).forEach(codes::add);
    codes.removeIf(code -> Pattern.compile("(?<![\\w-])" + Pattern.quote(code) + "(?![\\w-])").matcher(labels).find());
    assertThat(codes).contains("safeguarding-concern", "user_task_cpo_triage", "family-member", "dcpo");
    return codes;
  }

  private static boolean notAPlainWord(String code) {
    return code.contains("-") || code.contains("_");
  }

  /** What a person reads on a page: its text without markup, scripts or styles. */
  private static String text(String html) {
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ")
        .replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
  }

  private static String pdf(byte[] content) throws IOException {
    try (PDDocument document = Loader.loadPDF(content)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Page 1 of " + document.getNumberOfPages()).contains("CONFIDENTIAL")
          .contains("Exported by Casey Protection Officer");
      return text;
    }
  }
}
