package com.caisschool.safeguarding.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.testing.DueJobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Urgent alerts out of school hours, end to end against local servers the test starts: GreenMail
 * for the email, one JDK HTTP server for the WeCom robot and the SMS gateway. The engine clock is
 * set to a Saturday night and moved past the acknowledgement time; the jobs (the alert, the
 * channels, the timer) are run by the test.
 *
 * <p>Its own Spring context (email, robot and gateway on; its own database and engine name), closed
 * after the class. No web server of its own (a second one would take over the Camunda webapps'
 * shared state): the acknowledgement page is called through MockMvc.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UrgentAlertTest {

  private static final int SMTP_PORT = freePort();
  private static final LocalChannelServer CHANNELS = new LocalChannelServer();
  private static final String CHILD = "Mei Lindqvist-Testchild";
  private static final String OBSERVATIONS = "Burn marks on both wrists";
  private static final String DISCLOSURE = "Uncle locks me in the cellar";
  private static final String LOCATION = "Boiler room behind the gym";
  private static final Map<String, String> MOBILES = Map.of("cpo", "13800000001", "deputy", "13800000002",
      "head", "13800000003");
  private static final String SMS_KEY = "Bearer test-gateway-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void channelsOn(DynamicPropertyRegistry registry) {
    registry.add("safeguarding.notifications.email-enabled", () -> "true");
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("safeguarding.on-call.robot.url", () -> CHANNELS.url("/robot") + "?key=test-robot");
    registry.add("safeguarding.on-call.robot.format", () -> "wecom");
    registry.add("safeguarding.on-call.sms.url", () -> CHANNELS.url("/sms"));
    registry.add("safeguarding.on-call.sms.auth-value", () -> SMS_KEY);
    registry.add("camunda.bpm.process-engine-name", () -> "onCallTest");
    registry.add("spring.datasource.url",
        () -> "jdbc:h2:mem:safeguarding-on-call-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired OnCallRota rota;
  @Autowired SafeguardingProperties properties;
  @Autowired MockMvc mvc;

  GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    CHANNELS.clear();
    CHANNELS.answerNormally();
    jdbc.update("delete from on_call_rota");
    MOBILES.forEach(rota::setMobile);
  }

  @AfterEach
  void stop() {
    smtp.stop();
    ClockUtil.reset();
  }

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void atNightTheUrgentAlertReachesThePersonOnCallByRobotAndSmsWithOnlyTheReferenceAndLinks() throws Exception {
    ZonedDateTime saturdayNight = saturday().atTime(21, 0).atZone(properties.schoolTimeZone());
    onCall(saturday(), "cpo", "deputy");
    ClockUtil.setCurrentTime(Date.from(saturdayNight.toInstant()));
    ProcessInstance concern = reportConcernInDanger();

    managementService.executeJob(alertJob(concern).getId());

    assertThat(smtp.getReceivedMessages()).as("the email still goes").hasSize(2);
    ProcessInstance alert = urgentAlertOf(concern);
    DueJobs.run(managementService, alert.getId());

    var robot = CHANNELS.postsTo("/robot");
    assertThat(robot).hasSize(1);
    assertThat(robot.get(0).query()).isEqualTo("key=test-robot");
    JsonNode posted = JSON.readTree(robot.get(0).body());
    assertThat(posted.path("msgtype").asText()).isEqualTo("text");
    assertThat(posted.path("text").path("mentioned_mobile_list")).hasSize(1);
    assertThat(posted.path("text").path("mentioned_mobile_list").get(0).asText()).isEqualTo(MOBILES.get("cpo"));
    String robotText = posted.path("text").path("content").asText();

    var sms = CHANNELS.postsTo("/sms");
    assertThat(sms).hasSize(1);
    assertThat(sms.get(0).header("Authorization")).isEqualTo(SMS_KEY);
    assertThat(sms.get(0).header("Content-Type")).isEqualTo("application/json");
    JsonNode text = JSON.readTree(sms.get(0).body());
    assertThat(text.path("to").asText()).isEqualTo(MOBILES.get("cpo"));
    String smsText = text.path("message").asText();

    for (String message : List.of(robotText, smsText)) {
      assertThat(message).contains(concern.getBusinessKey()).contains("URGENT - child may be in danger now")
          .contains(properties.publicBaseUrl() + "/on-call/acknowledge?token=")
          .contains(properties.publicBaseUrl() + "/camunda/app/tasklist/");
      assertNoNameOrFact(message);
    }
    assertThat(smsText).isEqualTo(robotText);
    Task acknowledge = acknowledgeTask(alert);
    assertThat(acknowledge.getAssignee()).isEqualTo("cpo");

    // The link: opening it changes nothing (a link preview may open it); the button acknowledges.
    String path = linkPath(smsText);
    MvcResult page = mvc.perform(MockMvcRequestBuilders.get(path)).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    String pageBody = page.getResponse().getContentAsString();
    assertThat(pageBody).contains(concern.getBusinessKey()).contains("I have this alert");
    // (the page's style sheet says font-family: the page's text is what counts)
    assertNoNameOrFact(pageBody.replaceAll("(?s)<style>.*</style>", ""));
    assertThat(acknowledgeTaskOrNull(alert)).isNotNull();

    var answer = acknowledge(page, token(path));
    assertThat(answer.getStatus()).isEqualTo(200);
    assertThat(answer.getContentAsString()).contains("Acknowledged");
    assertThat(acknowledgeTaskOrNull(alert)).isNull();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(alert.getId())
        .taskDefinitionKey(AcknowledgementController.TASK).finished().singleResult().getAssignee()).isEqualTo("cpo");

    // Acknowledged: nothing goes to the deputy when the time passes.
    ClockUtil.setCurrentTime(Date.from(saturdayNight.plus(acknowledgeWithin().multipliedBy(3)).toInstant()));
    DueJobs.run(managementService, alert.getId());
    assertThat(CHANNELS.postsTo("/sms")).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(alert.getId()).count()).isZero();
  }

  @Test
  void notAcknowledgedInTimeItGoesToTheNextPersonNeverTheSubjectOfTheCaseNorTheOneWhoWasLate() throws Exception {
    ZonedDateTime sundayMorning = saturday().plusDays(1).atTime(3, 0).atZone(properties.schoolTimeZone());
    // 03:00 on Sunday is Saturday night's duty.
    onCall(saturday(), "cpo", "deputy", "head");
    ClockUtil.setCurrentTime(Date.from(sundayMorning.toInstant()));
    ProcessInstance concern = reportConcernInDanger();
    jdbc.update("insert into case_subject (case_reference, user_id, group_id, named_at) values (?, 'deputy', '', ?)",
        concern.getBusinessKey(), new java.sql.Timestamp(System.currentTimeMillis()));
    managementService.executeJob(alertJob(concern).getId());
    ProcessInstance alert = urgentAlertOf(concern);
    DueJobs.run(managementService, alert.getId());
    assertThat(acknowledgeTask(alert).getAssignee()).isEqualTo("cpo");

    ClockUtil.setCurrentTime(Date.from(sundayMorning.plus(acknowledgeWithin()).plusMinutes(1).toInstant()));
    DueJobs.run(managementService, alert.getId());

    assertThat(acknowledgeTask(alert).getAssignee()).as("the deputy is the case's subject").isEqualTo("head");
    assertThat(CHANNELS.postsTo("/sms").stream().map(post -> readTo(post.body())))
        .containsExactly(MOBILES.get("cpo"), MOBILES.get("head"));
    String secondText = JSON.readTree(CHANNELS.postsTo("/robot").get(1).body()).path("text").path("content").asText();
    assertNoNameOrFact(secondText);

    // The first person's link still works (late is better than never): it stops the alert too.
    int emailsBefore = smtp.getReceivedMessages().length;
    ClockUtil.setCurrentTime(Date.from(sundayMorning.plus(acknowledgeWithin().multipliedBy(2)).plusMinutes(2).toInstant()));
    DueJobs.run(managementService, alert.getId());

    // Nobody left: the escalation table is told (the CPO's and deputy's task: the Head).
    assertThat(acknowledgeTaskOrNull(alert)).isNull();
    assertThat(jdbc.queryForObject("select count(*) from notification where process_instance_id = ? and kind = ?",
        Integer.class, alert.getId(), "urgent-alert-unacknowledged")).isOne();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(emailsBefore + 1);
    assertThat(received[received.length - 1].getAllRecipients()[0].toString()).isEqualTo("head@demo.invalid");
    assertThat(CHANNELS.postsTo("/sms")).as("no one is alerted twice").hasSize(2);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(alert.getId()).count()).isZero();
  }

  @Test
  void aFailingRobotIsRetriedThenAnIncidentWhileTheEmailAndTheSmsStillGo() throws Exception {
    onCall(saturday(), "deputy");
    ClockUtil.setCurrentTime(Date.from(saturday().atTime(23, 30).atZone(properties.schoolTimeZone()).toInstant()));
    // WeCom refuses with HTTP 200 and an errcode (a wrong key, a blocked keyword).
    CHANNELS.answer("/robot", 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    ProcessInstance concern = reportConcernInDanger();

    managementService.executeJob(alertJob(concern).getId());
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    ProcessInstance alert = urgentAlertOf(concern);
    managementService.executeJob(job(alert, "service_task_find_on_call").getId());
    managementService.executeJob(job(alert, "service_task_send_sms").getId());
    String robotJob = job(alert, "service_task_post_to_robot").getId();
    int attempts = 0;
    while (managementService.createJobQuery().jobId(robotJob).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(robotJob)).hasMessageContaining("errcode 93000");
      attempts++;
    }

    assertThat(attempts).isEqualTo(5);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(alert.getId()).count()).isOne();
    assertThat(CHANNELS.postsTo("/sms")).hasSize(1);
    assertThat(acknowledgeTask(alert).getAssignee()).isEqualTo("deputy");

    CHANNELS.answerNormally();
    managementService.setJobRetries(robotJob, 1);
    managementService.executeJob(robotJob);
    assertThat(CHANNELS.postsTo("/robot")).hasSize(6);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(alert.getId()).count()).isZero();
  }

  @Test
  void inSchoolHoursOrForAKindThatIsNotUrgentOnlyTheEmailGoes() {
    LocalDate monday = saturday().plusDays(2);
    onCall(monday, "cpo");
    ClockUtil.setCurrentTime(Date.from(monday.atTime(10, 0).atZone(properties.schoolTimeZone()).toInstant()));
    ProcessInstance inHours = reportConcernInDanger();
    managementService.executeJob(alertJob(inHours).getId());
    assertThat(urgentAlerts(inHours)).isZero();

    ClockUtil.setCurrentTime(Date.from(monday.atTime(18, 0).atZone(properties.schoolTimeZone()).toInstant()));
    ProcessInstance evening = reportConcernInDanger();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(evening.getId())
        .activityId("service_task_alert_new_concern").singleResult().getId());
    assertThat(urgentAlerts(evening)).as("a new concern is not an urgent kind").isZero();
    managementService.executeJob(alertJob(evening).getId());
    assertThat(urgentAlerts(evening)).as("immediate danger at 18:00 is").isOne();
  }

  @Test
  void aNightWithNobodyOnTheRotaGetsTheEmailOnly() {
    onCall(saturday(), "cpo");
    ClockUtil.setCurrentTime(Date.from(saturday().plusDays(1).atTime(21, 0).atZone(properties.schoolTimeZone())
        .toInstant()));
    ProcessInstance concern = reportConcernInDanger();
    managementService.executeJob(alertJob(concern).getId());

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(urgentAlerts(concern)).isZero();
  }

  @Test
  void aChangedOrMadeUpLinkAcknowledgesNothing() throws Exception {
    onCall(saturday(), "cpo");
    ClockUtil.setCurrentTime(Date.from(saturday().atTime(22, 0).atZone(properties.schoolTimeZone()).toInstant()));
    ProcessInstance concern = reportConcernInDanger();
    managementService.executeJob(alertJob(concern).getId());
    ProcessInstance alert = urgentAlertOf(concern);
    DueJobs.run(managementService, alert.getId());
    String token = token(linkPath(JSON.readTree(CHANNELS.postsTo("/sms").get(0).body()).path("message").asText()));
    String[] parts = token.split("\\.");
    String otherPerson = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString((alert.getId() + "\nhead").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    MvcResult page = mvc.perform(MockMvcRequestBuilders.get("/on-call/acknowledge?token=" + token)).andReturn();
    for (String forged : List.of(otherPerson + "." + parts[1], parts[0] + ".AAAA", "nonsense", "")) {
      var answer = acknowledge(page, forged);
      assertThat(answer.getStatus()).as(forged).isEqualTo(400);
      assertThat(answer.getContentAsString()).contains("This link is not valid").doesNotContain(concern.getBusinessKey());
    }
    assertThat(acknowledgeTask(alert).getAssignee()).isEqualTo("cpo");
  }

  // --- helpers

  /** The page's button: a POST with the page's CSRF token, in the page's session (its cookie). */
  private org.springframework.mock.web.MockHttpServletResponse acknowledge(MvcResult page, String token)
      throws Exception {
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
        .matcher(page.getResponse().getContentAsString());
    assertThat(csrf.find()).as("CSRF token on the page").isTrue();
    return mvc.perform(MockMvcRequestBuilders.post("/on-call/acknowledge")
        .cookie(page.getResponse().getCookies())
        .param("token", token).param("_csrf", csrf.group(1))).andReturn().getResponse();
  }

  private static LocalDate saturday() {
    return LocalDate.of(2026, 12, 5);
  }

  private void onCall(LocalDate day, String... people) {
    for (int i = 0; i < people.length; i++) {
      rota.add(day, day, i + 1, people[i]);
    }
  }

  private Duration acknowledgeWithin() {
    return Duration.parse(properties.processDefaults().get("urgent-alert").get("acknowledgeWithin"));
  }

  private ProcessInstance reportConcernInDanger() {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", CHILD);
    report.put("childGrade", "Grade 4");
    report.put("categories", "physical-abuse");
    report.put("immediateDanger", true);
    report.put("concernAbout", "family-member");
    report.put("concernAroseAt", new Date(ClockUtil.getCurrentTime().getTime() - 3_600_000));
    report.put("location", LOCATION);
    report.put("observations", OBSERVATIONS);
    report.put("disclosure", DISCLOSURE);
    ProcessInstance concern = runtimeService.startProcessInstanceByKey("safeguarding-concern", report);
    return runtimeService.createProcessInstanceQuery().processInstanceId(concern.getId()).singleResult();
  }

  private Job alertJob(ProcessInstance concern) {
    return managementService.createJobQuery().processInstanceId(concern.getId())
        .activityId("service_task_alert_immediate_danger").singleResult();
  }

  private Job job(ProcessInstance alert, String activityId) {
    return managementService.createJobQuery().processInstanceId(alert.getId()).activityId(activityId).singleResult();
  }

  private long urgentAlerts(ProcessInstance concern) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(UrgentAlerts.PROCESS_KEY)
        .processInstanceBusinessKey(concern.getBusinessKey()).count();
  }

  private ProcessInstance urgentAlertOf(ProcessInstance concern) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(UrgentAlerts.PROCESS_KEY)
        .processInstanceBusinessKey(concern.getBusinessKey()).singleResult();
  }

  private Task acknowledgeTask(ProcessInstance alert) {
    Task task = acknowledgeTaskOrNull(alert);
    assertThat(task).as("acknowledgement task").isNotNull();
    return task;
  }

  private Task acknowledgeTaskOrNull(ProcessInstance alert) {
    return taskService.createTaskQuery().processInstanceId(alert.getId())
        .taskDefinitionKey(AcknowledgementController.TASK).singleResult();
  }

  private String linkPath(String message) {
    Matcher link = Pattern.compile(Pattern.quote(properties.publicBaseUrl()) + "(/on-call/acknowledge\\?token=\\S+)")
        .matcher(message);
    assertThat(link.find()).as("acknowledgement link in " + message).isTrue();
    return link.group(1);
  }

  private static String token(String path) {
    return path.substring(path.indexOf("token=") + "token=".length());
  }

  private static String readTo(String body) {
    try {
      return JSON.readTree(body).path("to").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** No word of the child's name, the report's facts, or the names of the people on call. */
  private static void assertNoNameOrFact(String text) {
    for (String secret : List.of(CHILD, "Lindqvist", "Mei", OBSERVATIONS, "wrists", DISCLOSURE, "cellar", LOCATION,
        "Boiler", "Grade 4", "physical", "family", "Casey", "Dana", "Harper")) {
      assertThat(text).as("message").doesNotContainIgnoringCase(secret);
    }
    assertThat(Arrays.stream(MOBILES.values().toArray(String[]::new))).noneMatch(text::contains);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
