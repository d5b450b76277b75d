package com.caisschool.safeguarding.input;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.caisschool.safeguarding.emailintake.EmailIntakeProperties;
import com.caisschool.safeguarding.emailintake.IntakeMessages;
import com.caisschool.safeguarding.emailintake.MailboxIntake;
import com.caisschool.safeguarding.reporting.ChannelConcerns;
import com.caisschool.safeguarding.reporting.ClientRateLimit;
import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bad input of every kind, drawn by jqwik's generators (new inputs in every build; a failure names
 * the input that caused it), sent to every channel: the REST start, a task's completion, the public report page and
 * the email intake. For each: never a 5xx, a clear message, nothing started wrongly, no valid
 * report lost, and no submitted value in the log. Every submitted value carries the marker
 * {@code FUZZ}, so the log can be searched for it.
 */
@ApplicationTest
class BadInputFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "FUZZ";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final List<String> REPORT_TEXTS = List.of("observations", "disclosure");
  private static final List<String> REPORT_NAMES = List.of("childName", "childGrade", "studentId");
  private static final List<String> TRIAGE_TEXTS = List.of("initialFacts", "triageRationale");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ChannelConcerns concerns;
  @Autowired InputLimits limits;
  @Autowired com.caisschool.safeguarding.reporting.PublicReportProperties pageLimits;
  @Autowired ClientRateLimit pageRateLimit;

  private ListAppender<ILoggingEvent> log;
  private int sent;

  @BeforeEach
  void watchTheLog() {
    log = new ListAppender<>();
    log.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    log.start();
    root().addAppender(log);
    resetPageLimit();
  }

  @AfterEach
  void noSubmittedValueWasLogged() {
    root().detachAppender(log);
    resetPageLimit();
    assertThat(log.list).as("log lines carrying a submitted value").noneMatch(BadInputFuzzTest::carriesMarker);
  }

  // --- the channels -----------------------------------------------------------------------------

  @Test
  void theRestStartRefusesEveryBadReportClearlyAndLosesNoValidOne() {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    List<BadRequest> inputs = draw(badRequests(ConcernReports.SUBMIT, this::badReport, badVariables(REPORT_TEXTS, REPORT_NAMES)), 85);
    long before = runtime.createProcessInstanceQuery().count();
    int valid = 0;
    for (int i = 0; i < inputs.size(); i++) {
      assertRefusedClearly(inputs.get(i), inputs.get(i).send(teacher));
      if (i % 10 == 9) {
        String account = MARKER + " valid report " + i + " " + "她说。".repeat(2000);
        RestApi.Reply ok = teacher.post(ConcernReports.SUBMIT, Map.of("variables",
            LongAnswersTest.with(bruises("Fuzz Valid " + i + "-Testchild"), "observations", account)));
        assertThat(ok.status()).as("a valid report between bad ones").isEqualTo(200);
        assertThat(runtime.getVariable(ok.json().path("id").asText(), "observations")).isEqualTo(account);
        valid++;
      }
    }
    assertThat(runtime.createProcessInstanceQuery().count()).as("only the valid reports started")
        .isEqualTo(before + countStartedPerReport(valid));
  }

  @Test
  void aTaskCompletionRefusesEveryBadAnswerClearlyAndTheTaskStaysOpen() {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    String id = teacher.post(ConcernReports.SUBMIT, Map.of("variables", bruises("Fuzz Triage-Testchild")))
        .json().path("id").asText();
    String taskId = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("user_task_cpo_triage")
        .singleResult().getId();
    for (BadRequest input : draw(badRequests("/task/" + taskId + "/submit-form", this::badTriage,
        badVariables(TRIAGE_TEXTS, TRIAGE_TEXTS)), 55)) {
      assertRefusedClearly(input, input.send(cpo));
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
    }
    String facts = MARKER + " " + "x".repeat(limits.maxTextLength() - 10);
    RestApi.Reply done = cpo.post("/task/" + taskId + "/submit-form", ConcernReports.form("initialFacts", facts,
        "authorityReportDue", "no", "triageDecision", "case-study-team", "triageRationale", "Needs the team"));
    assertThat(done.status()).as(done.body()).isIn(200, 204);
    assertThat(runtime.getVariable(id, "initialFacts")).isEqualTo(facts);
  }

  @Test
  void thePublicPageRefusesEveryBadReportWithItsPageAndStartsNothing() throws Exception {
    long before = runtime.createProcessInstanceQuery().count();
    for (Map<String, List<String>> form : draw(badPageForms(), 50)) {
      Page visitor = new Page(port);
      visitor.open();
      resetPageLimit();
      HttpResponse<String> answer = visitor.post(form);
      assertThat(answer.statusCode()).as(describe(form)).isBetween(400, 499);
      assertThat(answer.body()).as(describe(form)).containsAnyOf("Please check the fields marked below",
          "What you sent is too large");
      // The page's random CSRF token may hold any three letters ("...447SQLm" once failed this).
      assertThat(answer.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\""))
          .doesNotContain("Exception").doesNotContain("SQL");
      sent++;
    }
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theEmailIntakeTakesEveryMessageWhateverItHoldsAndLosesNone() throws Exception {
    int imap = freePort();
    GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(imap, "localhost", ServerSetup.PROTOCOL_IMAP)});
    mail.start();
    try {
      mail.setUser("cpo@caisschool.com", "cpo@caisschool.com", "mailbox-secret");
      List<MimeMessage> messages = draw(badEmails(), 10);
      for (MimeMessage message : messages) {
        mail.getUserManager().getUser("cpo@caisschool.com").deliver(message);
      }
      MailboxIntake intake = new MailboxIntake(new EmailIntakeProperties(true, "localhost", imap, "imap",
          "cpo@caisschool.com", "mailbox-secret", "INBOX", "CaisSafeguardingRecorded", Duration.ofHours(1)),
          new IntakeMessages(pageLimits.maxTextLength(), pageLimits.maxNameLength()), concerns, jdbc, transaction);
      long before = runtime.createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").count();
      // A message the mailbox fails to hand over (a connection dropped) stays unmarked and is
      // taken at the next poll: after at most three polls every message is a concern, once.
      int taken = 0;
      for (int poll = 0; poll < 3 && taken < messages.size(); poll++) {
        taken += intake.poll();
      }
      assertThat(taken).as("every message became a concern").isEqualTo(messages.size());
      assertThat(intake.poll()).as("and only once").isZero();
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("safeguarding-concern").count())
          .isEqualTo(before + messages.size());
      sent += messages.size();
    } finally {
      mail.stop();
    }
  }

  // --- what is sent -----------------------------------------------------------------------------

  /** A request to the REST API: a JSON body, or raw text that is not JSON. */
  record BadRequest(String path, String what, Object body, String raw) {
    RestApi.Reply send(RestApi api) {
      return raw != null ? api.postRaw(path, "application/json", raw) : api.post(path, body);
    }
  }

  private Arbitrary<BadRequest> badRequests(String path, Function<Map<String, Object>, Map<String, Object>> valid,
      Arbitrary<BadVariables> badVariables) {
    Arbitrary<BadRequest> badVariable = Combinators.combine(badVariables, Arbitraries.just(0))
        .as((bad, ignored) -> {
          Map<String, Object> variables = valid.apply(new HashMap<>());
          variables.putAll(bad.variables());
          return new BadRequest(path, bad.what(), Map.of("variables", variables), null);
        });
    Arbitrary<BadRequest> notJson = Arbitraries.integers().between(1, 60).map(cut -> {
      String whole = json(Map.of("variables", valid.apply(new HashMap<>())));
      return new BadRequest(path, "JSON cut at " + cut, null, whole.substring(0, Math.min(cut, whole.length() - 2)));
    });
    Arbitrary<BadRequest> wrongShape = Arbitraries.of("[1,2,3]", "{\"variables\": [\"" + MARKER + "\"]}",
        "{\"variables\": {\"childName\": \"" + MARKER + "\"}}", "\"" + MARKER + "\"", "{\"variables\": 7}",
        "{\"variables\": {\"childName\": {\"value\": {\"nested\": \"" + MARKER + "\"}, \"type\": \"String\"}}}")
        .map(raw -> new BadRequest(path, "wrong shape " + raw, null, raw));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, badVariable), net.jqwik.api.Tuple.of(2, notJson), net.jqwik.api.Tuple.of(1, wrongShape));
  }

  record BadVariables(String what, Map<String, Object> variables) {}

  /** Answers over the limits (free text, and names where the form has them), and values no form sends. */
  private Arbitrary<BadVariables> badVariables(List<String> texts, List<String> names) {
    Arbitrary<BadVariables> tooLongText = Combinators.combine(Arbitraries.of(texts),
            Arbitraries.integers().between(limits.maxTextLength() + 1, limits.maxTextLength() + 3000), anyChars())
        .as((field, length, chars) -> new BadVariables(field + " of " + length,
            Map.of(field, string(markedText(chars, length)))));
    // No blanks in a name: a name padded with spaces is kept trimmed, which may well fit.
    Arbitrary<BadVariables> tooLongName = Combinators.combine(Arbitraries.of(names),
            Arbitraries.integers().between(names == texts ? limits.maxTextLength() + 1 : limits.maxNameLength() + 1,
                names == texts ? limits.maxTextLength() + 5000 : 5000),
            Arbitraries.strings().withChars("abcxyzABC中文字<>&'\"\\%;-éß").ofMinLength(1).ofMaxLength(12))
        .as((field, length, chars) -> new BadVariables(field + " of " + length,
            Map.of(field, string(markedText(chars, length)))));
    Arbitrary<BadVariables> tooLongVariableName = Arbitraries.integers().between(256, 600)
        .map(length -> new BadVariables("variable name of " + length,
            Map.of(MARKER + "n".repeat(length), string("x"))));
    Arbitrary<BadVariables> javaSerialized = Arbitraries.of("childName", "observations", "initialFacts", "location")
        .map(field -> new BadVariables("Java-serialized " + field, Map.of(field, Map.of(
            "value", "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==",
            "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
                "serializationDataFormat", "application/x-java-serialized-object")))));
    Arbitrary<BadVariables> unknownType = Arbitraries.of("Mystery", "File", "Object", "Null\u0000")
        .map(type -> new BadVariables("type " + type, Map.of("childName", Map.of("value", MARKER, "type", type))));
    return Arbitraries.oneOf(tooLongText, tooLongName, tooLongVariableName, javaSerialized, unknownType);
  }

  private Map<String, Object> badReport(Map<String, Object> none) {
    return new HashMap<>(bruises("Fuzz Bad-Testchild"));
  }

  private Map<String, Object> badTriage(Map<String, Object> none) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("initialFacts", string("Class teacher confirms"));
    variables.put("authorityReportDue", string("no"));
    variables.put("triageDecision", string("case-study-team"));
    variables.put("triageRationale", string("Needs the team"));
    return variables;
  }

  private Arbitrary<Map<String, List<String>>> badPageForms() {
    Arbitrary<Map<String, List<String>>> tooLong = Combinators.combine(
            Arbitraries.of("childName", "childGrade", "location", "reporterName", "whatHappened"),
            Arbitraries.integers().between(1, 3000), anyChars())
        .as((field, extra, chars) -> pageForm(field, markedText(chars,
            (field.equals("whatHappened") ? pageLimits.maxTextLength() : pageLimits.maxNameLength()) + extra)));
    Arbitrary<Map<String, List<String>>> badChoice = Combinators.combine(
            Arbitraries.of("reporterRole", "concernAbout", "dangerNow", "categories"),
            Arbitraries.strings().alpha().numeric().withChars("<>'\"中").ofMinLength(1).ofMaxLength(40))
        .as((field, value) -> pageForm(field, MARKER + value));
    Arbitrary<Map<String, List<String>>> badDate = Arbitraries.of("+999999999-01-01", "2026-13-45", "tomorrow",
            "2999-01-01", "1900-01-01", "-0001-01-01", "2026-02-30", MARKER)
        .map(date -> pageForm("whenHappened", date));
    Arbitrary<Map<String, List<String>>> missing = Arbitraries.of("childName", "whatHappened", "dangerNow")
        .map(field -> pageForm(field, "  "));
    Arbitrary<Map<String, List<String>>> manyCategories = Arbitraries.integers().between(20, 1000).map(count -> {
      Map<String, List<String>> form = pageForm("childName", "Fuzz Many-Testchild");
      form.put("categories", Collections.nCopies(count, "other"));
      return form;
    });
    // Over max-request-bytes (1 MiB; 9 bytes a character form-encoded), under what the server
    // reads and drops before answering (2 MiB): no page's own form gets there (maxlength).
    Arbitrary<Map<String, List<String>>> tooLarge = Arbitraries.integers().between(130_000, 200_000).map(chars ->
        pageForm("whatHappened", MARKER + "中".repeat(chars)));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, tooLong), net.jqwik.api.Tuple.of(4, badChoice),
        net.jqwik.api.Tuple.of(2, badDate), net.jqwik.api.Tuple.of(1, missing), net.jqwik.api.Tuple.of(1, manyCategories),
        net.jqwik.api.Tuple.of(1, tooLarge));
  }

  private static Map<String, List<String>> pageForm(String field, String value) {
    Map<String, List<String>> form = new java.util.LinkedHashMap<>();
    form.put("reporterRole", List.of("anonymous"));
    form.put("childName", List.of("Fuzz Page-Testchild"));
    form.put("whatHappened", List.of(MARKER + " she says her uncle hits her"));
    form.put("dangerNow", List.of("no"));
    form.put(field, List.of(value));
    return form;
  }

  private Arbitrary<MimeMessage> badEmails() {
    Arbitrary<String> bodies = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers().between(0, 200), anyChars()).as((n, chars) -> markedText(chars, n + 4)),
        Combinators.combine(Arbitraries.integers().between(limits.maxTextLength(), limits.maxTextLength() + 5_000),
            anyChars()).as((n, chars) -> markedText(chars, n)),
        Arbitraries.just(MARKER + "<html><script>alert(1)</script><img src=x onerror=alert(2)>"),
        Arbitraries.just(""));
    Arbitrary<String> subjects = Arbitraries.oneOf(Arbitraries.just(""),
        anyChars().map(chars -> markedText(chars, 300)), Arbitraries.just(MARKER + " Re: Fwd: 紧急"));
    return Combinators.combine(bodies, subjects, Arbitraries.of("text/plain", "text/html", "attachment-only"),
            Arbitraries.integers().between(0, 1_000_000))
        .as((body, subject, kind, n) -> email(body, subject, kind, n));
  }

  private static MimeMessage email(String body, String subject, String kind, int n) {
    try {
      MimeMessage message = new MimeMessage((Session) null);
      message.setFrom(new InternetAddress("fuzz" + n + "@example.invalid"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("cpo@caisschool.com"));
      message.setSubject(subject, "UTF-8");
      message.setSentDate(new Date());
      if (kind.equals("attachment-only")) {
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(new byte[] {0, 1, 2, (byte) 0xFF}, "application/octet-stream");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setFileName(MARKER + ".bin");
        message.setContent(new MimeMultipart(attachment));
      } else if (kind.equals("text/html")) {
        message.setContent(body, "text/html; charset=UTF-8");
      } else {
        message.setText(body, "UTF-8");
      }
      message.setHeader("Message-ID", "<fuzz-" + n + "-" + System.nanoTime() + "@example.invalid>");
      return message;
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Arbitrary<String> anyChars() {
    return Arbitraries.strings().withChars("abcxyz ABC中文字\n\t<>&'\"\\%;-éß").ofMinLength(1).ofMaxLength(12);
  }

  /** The marker, then the characters repeated to the length. */
  private static String markedText(String chars, int length) {
    StringBuilder text = new StringBuilder(MARKER);
    while (text.length() < length) {
      text.append(chars);
    }
    return text.substring(0, length);
  }

  // --- checks -----------------------------------------------------------------------------------

  private void assertRefusedClearly(BadRequest input, RestApi.Reply reply) {
    sent++;
    assertThat(reply.status()).as(input.what() + ": " + reply.body()).isEqualTo(400);
    String message = reply.json().path("message").asText();
    assertThat(message).as(input.what()).isNotBlank();
    assertThat(reply.body()).as(input.what()).doesNotContain(MARKER).doesNotContain("SQL").doesNotContain("###")
        .doesNotContainIgnoringCase("insert into").doesNotContain("Exception:");
  }

  /** A report through the REST API starts its concern and the processes it opens at once (none here). */
  private static long countStartedPerReport(int reports) {
    return reports;
  }

  /** Draws inputs with jqwik's sampling (usable outside a property), new ones in every build. */
  private static <T> List<T> draw(Arbitrary<T> arbitrary, int count) {
    return arbitrary.sampleStream().limit(count).toList();
  }

  private static boolean carriesMarker(ILoggingEvent event) {
    if (event.getFormattedMessage() != null && event.getFormattedMessage().contains(MARKER)) {
      return true;
    }
    for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
      if (error.getMessage() != null && error.getMessage().contains(MARKER)) {
        return true;
      }
    }
    return false;
  }

  private void resetPageLimit() {
    pageRateLimit.reset();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static Map<String, Object> string(String value) {
    return ConcernReports.string(value);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Map<String, List<String>> form) {
    return form.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size() + "x"
        + e.getValue().get(0).substring(0, Math.min(20, e.getValue().get(0).length())) + "("
        + e.getValue().get(0).length() + ")").collect(Collectors.joining(", "));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A visitor of the public page without scripts: its cookie and the form's token. */
  private static final class Page {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private String token = "";

    Page(int port) {
      this.base = "http://localhost:" + port;
    }

    void open() throws Exception {
      Matcher found = CSRF_FIELD.matcher(http.send(HttpRequest.newBuilder(URI.create(base + "/report")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body());
      token = found.find() ? found.group(1) : "";
    }

    HttpResponse<String> post(Map<String, List<String>> form) throws Exception {
      List<String> pairs = new ArrayList<>();
      form.forEach((name, values) -> values.forEach(value -> pairs.add(
          URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
      pairs.add("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      return http.send(HttpRequest.newBuilder(URI.create(base + "/report"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
