package com.caisschool.safeguarding.security.provider;

import static com.caisschool.safeguarding.testing.SchoolProvider.groupFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.SchoolProvider;
import com.caisschool.safeguarding.testing.SchoolProviderTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in with the school's accounts through a real OpenID Connect provider: roles from the
 * directory's groups, brought up to date at every sign-in and lost within the session age, nothing
 * for users the school does not know, bearer tokens on the REST API only when the provider signed
 * them for this application and they have not expired; local accounts go on working.
 */
@SchoolProviderTest
class SchoolSignInTest {

  private static final String ENGINE_API = "/camunda/api/engine/engine/default";
  private static final String COCKPIT_API = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void aFirstSignInCreatesTheUserWithTheRolesOfTheirDirectoryGroupsAndNoPassword() {
    String user = "wang.fang@school.test";
    WebappSession browser = SchoolProvider.signedIn(port, user,
        List.of(groupFor("counselors"), groupFor("staff"), "Year 7 tutors"));

    assertThat(browser.get("/camunda/api/admin/auth/user/default").json().path("userId").asText()).isEqualTo(user);
    assertThat(groupsOf(user)).containsExactlyInAnyOrder("counselors", "staff");
    assertThat(identityService.createUserQuery().userId(user).singleResult().getEmail()).isEqualTo(user);
    // No local password: the log-in form and HTTP Basic refuse every password for this user.
    assertThat(WebappSession.anonymous(port).logIn(user, "any-password").redirectsTo("/login?error")).isTrue();
    assertThat(RestApi.as(port, user, "any-password").get("/task").status()).isEqualTo(401);
    assertThat(browser.page("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    assertThat(browser.get(ENGINE_API + "/task").status()).isEqualTo(200);
    assertThat(browser.page("/camunda/app/cockpit/default/").status()).isEqualTo(403);
  }

  @Test
  void someoneRemovedFromAGroupInTheDirectoryLosesTheRoleWithinTheSessionAge() {
    String user = "li.deputy@school.test";
    WebappSession before = SchoolProvider.signedIn(port, user, List.of(groupFor("dcpo"), groupFor("staff")));
    assertThat(before.get(COCKPIT_API).status()).isEqualTo(200);

    // The school removes them from the deputy group. Within the session age the session still holds.
    EngineClock.passTime(Duration.ofMinutes(14));
    assertThat(before.get(COCKPIT_API).status()).isEqualTo(200);

    // Past the configured 15 minutes the sign-in is over; signing in again reads the directory afresh.
    EngineClock.passTime(Duration.ofMinutes(2));
    assertThat(before.get(COCKPIT_API).status()).isEqualTo(401);
    assertThat(before.page("/camunda/app/tasklist/default/").redirectsTo("/login")).isTrue();

    WebappSession after = SchoolProvider.signedIn(port, user, List.of(groupFor("staff")));
    assertThat(groupsOf(user)).containsExactly("staff");
    assertThat(after.get(COCKPIT_API).status()).isEqualTo(403);
    assertThat(after.page("/camunda/app/cockpit/default/").status()).isEqualTo(403);
  }

  @Test
  void aUserTheSchoolDoesNotKnowGetsNothing() {
    String user = "parent.zhao@example.test";
    SchoolProvider.nextSignIn(user, List.of("parents"));
    WebappSession browser = WebappSession.anonymous(port);

    WebappSession.Reply reply = SchoolProvider.signIn(browser, port);

    assertThat(reply.redirectsTo("/login?denied")).as(reply.location()).isTrue();
    assertThat(browser.page("/login?denied").body()).contains("no role in this application");
    assertThat(browser.get(ENGINE_API + "/task").status()).isEqualTo(401);
    assertThat(identityService.createUserQuery().userId(user).count()).isZero();
    assertThat(RestApi.withBearer(port, SchoolProvider.bearerToken(user, List.of("parents"), 3600))
        .get("/task").status()).isEqualTo(401);
  }

  @Test
  void loggingOutEndsTheProviderSession() {
    WebappSession browser = SchoolProvider.signedIn(port, "logout.probe@school.test", List.of(groupFor("staff")));
    assertThat(browser.get(ENGINE_API + "/task").status()).isEqualTo(200);

    assertThat(browser.post("/camunda/api/admin/auth/user/default/logout", java.util.Map.of()).status()).isEqualTo(200);

    assertThat(browser.get(ENGINE_API + "/task").status()).isEqualTo(401);
  }

  @Test
  void theRestApiTakesTheProvidersBearerTokens() {
    String user = "integration.probe@school.test";
    RestApi api = RestApi.withBearer(port, SchoolProvider.bearerToken(user, List.of(groupFor("staff")), 600));

    assertThat(api.get("/task").status()).isEqualTo(200);
    assertThat(api.get("/identity/groups?userId=" + user).json().path("groups").findValuesAsText("id"))
        .containsExactly("staff");
    assertThat(groupsOf(user)).containsExactly("staff");
  }

  @Test
  void forgedExpiredOrMisaddressedTokensAreRefused() {
    List<String> cpo = List.of(groupFor("cpo"), groupFor("staff"));
    for (String token : List.of(SchoolProvider.forgedToken("forger@school.test", cpo),
        SchoolProvider.bearerToken("late@school.test", cpo, -600),
        SchoolProvider.bearerTokenFor("another-application", "elsewhere@school.test", cpo),
        "not-a-token")) {
      assertThat(RestApi.withBearer(port, token).get("/task").status()).isEqualTo(401);
    }
    assertThat(identityService.createUserQuery().userIdIn("forger@school.test", "late@school.test",
        "elsewhere@school.test").count()).isZero();
  }

  @Test
  void localAccountsAndThePublicReportPageGoOnWorking() {
    assertThat(WebappSession.anonymous(port).page("/login").body()).contains("Sign in with your school account");
    assertThat(WebappSession.loggedIn(port, "teacher", "demo").get(ENGINE_API + "/task").status()).isEqualTo(200);
    assertThat(RestApi.as(port, "teacher", "demo").get("/task").status()).isEqualTo(200);
    assertThat(WebappSession.anonymous(port).page("/report").status()).isEqualTo(200);
  }

  private Set<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
  }
}
