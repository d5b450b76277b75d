package com.caisschool.safeguarding.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The log-in page and the webapps' customization as served over HTTP: the product name and the
 * emergency numbers from configuration, and no Camunda 8 migration banner in any webapp.
 */
@ApplicationTest
class WebappCustomizationTest {

  @LocalServerPort int port;

  @Test
  void theLogInPageSaysWhereToGoWhenAChildIsInDangerNow() {
    WebappSession.Reply page = WebappSession.anonymous(port).page("/login");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("CAIS Safeguarding")
        .contains("Is a child in danger right now?")
        .contains("110").contains("120")
        .contains("the Child Protection Officer (CPO) or the deputy")
        .contains("name=\"username\"").contains("name=\"password\"").contains("name=\"_csrf\"")
        .doesNotContain("Please sign in");
  }

  @Test
  void aWrongPasswordReturnsToTheLogInPageWithAMessage() {
    WebappSession session = WebappSession.anonymous(port);
    WebappSession.Reply refused = session.logIn("nobody-here", "wrong");
    assertThat(refused.redirectsTo("/login?error")).as(refused.location()).isTrue();
    assertThat(session.page("/login?error").body()).contains("Wrong user name or password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyWebappShowsTheProductNameAndNoMigrationBanner(String app) {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    WebappSession.Reply config = cpo.page("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).contains("name: \"Safeguarding\"").contains("vendor: \"CAIS\"").contains("export default");

    WebappSession.Reply locale = cpo.get("/camunda/app/" + app + "/locales/en.json");
    assertThat(locale.status()).isEqualTo(200);
    assertThat(locale.json().path("labels").path(WebappCustomization.EOL_BANNER_LABEL).isTextual()).isTrue();
    assertThat(locale.json().path("labels").path(WebappCustomization.EOL_BANNER_LABEL).asText()).isEmpty();
    // Camunda's other labels are still there.
    assertThat(locale.json().path("labels").size()).isGreaterThan(10);

    assertThat(cpo.page("/camunda/app/" + app + "/styles/user-styles.css").body())
        .contains(".ce-eol-banner").contains("display: none");
  }

  @Test
  void tasklistsFormsGetTheFormLibrarysWordsInTheUsersLanguageAndTheSchoolsDateFormat() {
    WebappSession.Reply chinese = WebappSession.loggedIn(port, "liwei", "demo")
        .page("/camunda/app/tasklist/scripts/safeguarding-forms.js");
    assertThat(chinese.status()).isEqualTo(200);
    assertThat(chinese.body()).contains("\"Field is required.\":\"此项为必填项。\"").contains("\"zh-CN\"")
        .contains("const schoolDateFormat = \"yyyy-MM-dd\"").doesNotContain("@WORDS@");
    assertThat(WebappSession.loggedIn(port, "teacher", "demo").page("/camunda/app/tasklist/scripts/safeguarding-forms.js")
        .body()).contains("const words = {};").contains("const schoolDateFormat = \"yyyy-MM-dd\"");
    assertThat(WebappSession.loggedIn(port, "cpo", "demo").page("/camunda/app/tasklist/scripts/config.js").body())
        .contains("'scripts/safeguarding-forms.js'");
  }

  @Test
  void theCustomizationNeedsALogIn() {
    WebappSession.Reply anonymous = WebappSession.anonymous(port).page("/camunda/app/tasklist/scripts/config.js");
    assertThat(anonymous.status()).isIn(302, 401);
  }
}
