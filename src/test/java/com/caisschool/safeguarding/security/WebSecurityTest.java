package com.caisschool.safeguarding.security;

import static com.caisschool.safeguarding.testing.ConcernReports.bruises;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.ConcernReports;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The door itself: log-in throttling, idle sessions ending, forged requests refused, no anonymous
 * REST, and the browser's protections switched on by the response headers.
 */
@ApplicationTest
class WebSecurityTest {

  private static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void wrongPasswordsHoldTheAccountForAWhileEvenAgainstTheRightOne() {
    String user = "throttle.probe";
    String password = "Right-Password-2026";
    createStaffMember(user, password);
    try {
      WebappSession browser = WebappSession.anonymous(port);
      for (int i = 1; i <= 5; i++) {
        assertThat(browser.logIn(user, "guess-" + i).redirectsTo("/login?error")).isTrue();
      }

      // Held: even the right password is refused, on the log-in page and on the REST API.
      assertThat(browser.logIn(user, password).redirectsTo("/login?error")).isTrue();
      assertThat(RestApi.as(port, user, password).get("/task").status()).isEqualTo(401);

      // The hold runs out (safeguarding.sign-in-throttle.window, 15 minutes): the engine's clock moves on.
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(16))));
      assertThat(browser.logIn(user, password).redirectsTo("/start")).isTrue();
      assertThat(RestApi.as(port, user, password).get("/task").status()).isEqualTo(200);
    } finally {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aChangedPasswordCountsFromTheNextRestRequestThoughPasswordsAreRemembered() {
    String user = "password.change";
    createStaffMember(user, "First-Password-2026");
    try {
      assertThat(RestApi.as(port, user, "First-Password-2026").get("/task").status()).isEqualTo(200);
      assertThat(RestApi.as(port, user, "First-Password-2026").get("/task").status()).as("remembered").isEqualTo(200);
      User changed = identityService.createUserQuery().userId(user).singleResult();
      changed.setPassword("Second-Password-2026");
      identityService.saveUser(changed);

      assertThat(RestApi.as(port, user, "First-Password-2026").get("/task").status()).as("old password").isEqualTo(401);
      assertThat(RestApi.as(port, user, "Second-Password-2026").get("/task").status()).isEqualTo(200);
      assertThat(RestApi.as(port, user, "Wrong-Password-2026").get("/task").status()).isEqualTo(401);
    } finally {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aSessionIdleForThirtyMinutesIsLoggedOut() {
    WebappSession stillActive = WebappSession.loggedIn(port, "teacher", "demo");
    WebappSession idle = WebappSession.loggedIn(port, "teacher", "demo");
    assertThat(jdbc.queryForObject("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = ?",
        Integer.class, sessionId(idle))).isEqualTo(30 * 60);

    lastRequestAgo(stillActive, Duration.ofMinutes(29));
    lastRequestAgo(idle, Duration.ofMinutes(31));

    assertThat(stillActive.get(WEBAPP_ENGINE_API + "/task").status()).isEqualTo(200);
    assertThat(idle.get(WEBAPP_ENGINE_API + "/task").status()).isEqualTo(401);
    assertThat(idle.page("/camunda/app/tasklist/default/").redirectsTo("/login")).isTrue();
  }

  @Test
  void aRequestWithoutTheWebappsAntiForgeryTokenIsRefused() {
    WebappSession tasklist = WebappSession.loggedIn(port, "teacher", "demo");
    Map<String, Object> report = Map.of("variables", bruises("Farah Forged-Testchild"));

    WebappSession.Reply forged = tasklist.postWithoutXsrf(WEBAPP_ENGINE_API + ConcernReports.SUBMIT, report);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).doesNotContain("Farah");

    // The same request with the token, from a fresh session (Camunda ends a session on a forgery).
    WebappSession.Reply genuine = WebappSession.loggedIn(port, "teacher", "demo")
        .post(WEBAPP_ENGINE_API + ConcernReports.SUBMIT, report);
    assertThat(genuine.status()).as(genuine.body()).isEqualTo(200);
  }

  @Test
  void theLogInFormRefusesAPostWithoutItsToken() {
    WebappSession.Reply reply = WebappSession.anonymous(port)
        .postForm("/login", Map.of("username", "teacher", "password", "demo"));
    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void theRestApiNeverAnswersWithoutValidCredentials() {
    assertThat(RestApi.anonymous(port).get("/task").status()).isEqualTo(401);
    assertThat(RestApi.anonymous(port).post(ConcernReports.SUBMIT, Map.of("variables", bruises("X-Testchild")))
        .status()).isEqualTo(401);
    assertThat(RestApi.as(port, "nobody-known", "demo").get("/task").status()).isEqualTo(401);
  }

  @Test
  void loggingOutEndsTheSession() {
    WebappSession tasklist = WebappSession.loggedIn(port, "teacher", "demo");
    assertThat(tasklist.post("/camunda/api/admin/auth/user/default/logout", Map.of()).status()).isEqualTo(200);
    assertThat(tasklist.get(WEBAPP_ENGINE_API + "/task").status()).isEqualTo(401);
  }

  @Test
  void pagesTellTheBrowserToProtectThem() {
    WebappSession tasklist = WebappSession.loggedIn(port, "teacher", "demo");
    for (WebappSession.Reply reply : new WebappSession.Reply[] {
        WebappSession.anonymous(port).page("/login"), tasklist.page("/camunda/app/tasklist/default/"),
        tasklist.get(WEBAPP_ENGINE_API + "/task")}) {
      var headers = reply.headers();
      assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
      assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
      assertThat(headers.firstValue("Cache-Control").orElse("")).contains("no-store");
    }
    assertThat(tasklist.page("/camunda/app/tasklist/default/").headers().firstValue("Content-Security-Policy"))
        .isPresent();
  }

  /** The log-in page and the case file run no script and load nothing from elsewhere (issue 18). */
  @Test
  void theLogInPageAndTheCaseFileAllowNoScriptAndNothingFromElsewhere() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    for (WebappSession.Reply page : List.of(WebappSession.anonymous(port).page("/login"), cpo.page("/casefile"))) {
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
          assertThat(policy).contains("default-src 'none'", "img-src 'self' data:", "form-action 'self'")
              .doesNotContain("script-src").doesNotContain("unsafe-inline"));
    }
  }

  private void createStaffMember(String id, String password) {
    User user = identityService.newUser(id);
    user.setFirstName("Throttle");
    user.setLastName("Probe");
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, "staff");
  }

  /** Pretends the session's last request was this long ago, as if the user had walked away. */
  private void lastRequestAgo(WebappSession session, Duration ago) {
    int updated = jdbc.update("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ? WHERE SESSION_ID = ?",
        System.currentTimeMillis() - ago.toMillis(), sessionId(session));
    assertThat(updated).isEqualTo(1);
  }

  /** Spring Session's cookie carries the session id Base64-encoded. */
  private static String sessionId(WebappSession session) {
    return new String(Base64.getDecoder().decode(session.sessionId()), StandardCharsets.UTF_8);
  }
}
