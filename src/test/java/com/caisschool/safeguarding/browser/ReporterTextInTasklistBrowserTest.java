package com.caisschool.safeguarding.browser;

import static com.caisschool.safeguarding.browser.BrowserSuiteTest.field;
import static com.caisschool.safeguarding.browser.BrowserSuiteTest.logIn;
import static com.caisschool.safeguarding.browser.BrowserSuiteTest.withEvidence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An anonymous report whose account holds Markdown and HTML that would make the reader's browser
 * fetch an address (an image pointing at a case's PDF export, an {@code <img>} tag) reaches the
 * CPO's triage form in Tasklist as the reporter typed it: shown literally, in a field, and the CPO's
 * browser requests neither address (issue 18: what reporters write is plain text everywhere).
 */
@ApplicationTest
class ReporterTextInTasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  @BeforeAll
  static void browserIsInstalled() {
    Browser.requireInstalled();
  }

  @Test
  void markdownAndHtmlInAnAnonymousReportAreShownLiterallyInTheTriageFormAndRequestNothing() {
    String probe = "probe-" + UUID.randomUUID();
    String export = "/casefile/cases/" + probe + "/export.pdf";
    String image = "/report/" + probe + ".png";
    String account = "He keeps a picture on his phone ![ ](" + export + ") and showed it <img src=\"" + image
        + "\"> to the class.";

    try (Browser reporter = Browser.start()) {
      withEvidence(reporter, "reporter", () -> {
        reporter.open(url("/report"));
        reporter.type(By.id("childName"), "Pia Markdown-Testchild");
        reporter.type(By.id("whatHappened"), account);
        reporter.type(By.id("location"), "Classroom 3B");
        reporter.click(By.cssSelector("input[name='dangerNow'][value='no']"));
        reporter.click(By.cssSelector("button[type='submit']"));
        assertThat(reporter.find(By.id("receipt-code")).getText()).isNotBlank();
      });
    }
    Task triage = await().atMost(Duration.ofSeconds(30)).until(() -> triageTaskWith(account), Objects::nonNull);

    try (Browser cpo = Browser.start()) {
      withEvidence(cpo, "cpo-plain-text", () -> {
        logIn(cpo, url(""), "cpo");
        cpo.open(url("/camunda/app/tasklist/default/#/?task=" + triage.getId()));
        cpo.find(field("initialFacts"));
        cpo.until(driver -> account.equals(driver.findElement(field("observations")).getAttribute("value")));

        assertThat(cpo.find(field("observations")).getTagName()).isEqualTo("textarea");
        assertThat(cpo.find(By.cssSelector(".fjs-form")).getText()).doesNotContain(probe);
        assertThat(cpo.all(By.cssSelector(".fjs-form img"))).as("no image made of the report").isEmpty();
        assertThat(requestedUrls(cpo)).as("the CPO's browser fetched nothing the reporter named")
            .isNotEmpty().noneMatch(url -> url.contains(probe));
      });
    }
  }

  private Task triageTaskWith(String account) {
    return taskService.createTaskQuery().taskDefinitionKey("user_task_cpo_triage").orderByTaskCreateTime().desc()
        .listPage(0, 20).stream()
        .filter(task -> account.equals(runtimeService.getVariable(task.getProcessInstanceId(), "observations")))
        .findFirst().orElse(null);
  }

  /** Every address the page requested so far (Chrome's network log). */
  private static List<String> requestedUrls(Browser browser) {
    ObjectMapper json = new ObjectMapper();
    List<String> urls = new ArrayList<>();
    for (var entry : browser.driver.manage().logs().get("performance")) {
      JsonNode message;
      try {
        message = json.readTree(entry.getMessage()).path("message");
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        urls.add(message.path("params").path("request").path("url").asText());
      }
    }
    return urls;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
