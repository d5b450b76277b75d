package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A role without access to an app gets a page that says so and where to go instead, in the
 * user's language, never a bare error page; the application's log-out lands on its log-in page.
 */
@ApplicationTest
class NoAccessPageTest {

  @LocalServerPort int port;

  @Test
  void anAdministratorOpeningTasklistIsSentToAdmin() {
    WebappSession.Reply page = WebappSession.loggedIn(port, "admin", "demo").page("/camunda/app/tasklist/default/");

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("This page is not part of your role").contains("Your role does not use Tasklist")
        .contains("id=\"go-admin\"").contains("href=\"/camunda/app/admin/\"")
        .doesNotContain("id=\"go-tasklist\"").doesNotContain("Whitelabel");
  }

  @Test
  void staffOpeningCockpitAreSentToTasklistInTheirLanguage() {
    WebappSession.Reply english = WebappSession.loggedIn(port, "teacher", "demo").page("/camunda/app/cockpit/default/");
    WebappSession.Reply chinese = WebappSession.loggedIn(port, "liwei", "demo").page("/camunda/app/cockpit/default/");

    assertThat(english.status()).isEqualTo(403);
    assertThat(english.body()).contains("Your role does not use Cockpit").contains("id=\"go-tasklist\"")
        .doesNotContain("id=\"go-cockpit\"").doesNotContain("Whitelabel");
    assertThat(chinese.status()).isEqualTo(403);
    assertThat(chinese.body()).contains("此页面不属于你的角色").contains("你的角色不使用流程监控").contains("id=\"go-tasklist\"");
  }

  @Test
  void theApplicationsLogOutLandsOnItsLogInPage() {
    WebappSession session = WebappSession.loggedIn(port, "teacher", "demo");
    WebappSession.Reply page = session.page("/camunda/app/cockpit/default/");

    WebappSession.Reply loggedOut = session.send("POST", "/logout", WebappSession.csrfTokenOf(page), Map.of());

    assertThat(loggedOut.redirectsTo("/login?logout")).as(loggedOut.location()).isTrue();
    assertThat(session.page("/camunda/app/tasklist/default/").status()).isEqualTo(302);
  }
}
