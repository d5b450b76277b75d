package com.caisschool.safeguarding.security.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.SchoolProviderTest;
import com.caisschool.safeguarding.testing.WebappSession;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the second factor enforced (as in production), a local account holding the CPO, deputy or
 * administrator role is signed in only after a code from its authenticator app: enrolment on the
 * first sign-in, recovery codes that work once, wrong codes refused and, after too many, the
 * sign-in starts over. HTTP Basic is refused for such accounts; other local accounts are unchanged.
 */
@SchoolProviderTest
class SecondFactorTest {

  private static final String PASSWORD = "Local-Password-2026";
  private static final String CODE_PAGE = "/login/second-factor";
  private static final String TASKS = "/camunda/api/engine/engine/default/task";
  private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7]+)<");
  private static final Pattern RECOVERY_CODE = Pattern.compile("<li>([a-z0-9-]{10,})</li>");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  private final List<String> created = new ArrayList<>();

  @AfterEach
  void deleteAccounts() {
    created.forEach(identityService::deleteUser);
  }

  @Test
  void aPrivilegedLocalAccountEnrolsAnAuthenticatorAppAndIsSignedInOnlyWithItsCode() throws Exception {
    String user = localAccount("cpo.local", "cpo");
    WebappSession browser = WebappSession.anonymous(port);

    assertThat(browser.logIn(user, PASSWORD).redirectsTo(CODE_PAGE)).isTrue();
    assertThat(browser.get(TASKS).status()).as("not signed in before the code").isEqualTo(401);
    WebappSession.Reply enrolment = browser.page(CODE_PAGE);
    assertThat(enrolment.body()).contains("data:image/png;base64,");
    String secret = match(SECRET, enrolment.body());

    WebappSession.Reply wrong = submit(browser, wrongCode(secret));
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.body()).contains("id=\"wrong-code\"");
    assertThat(browser.get(TASKS).status()).as("not signed in after a wrong code").isEqualTo(401);

    WebappSession.Reply enrolled = submit(browser, currentCode(secret));
    List<String> recoveryCodes = RECOVERY_CODE.matcher(enrolled.body()).results().map(m -> m.group(1)).toList();
    assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
    assertThat(browser.get(TASKS).status()).isEqualTo(200);

    // Next time: password, then the app's code (no new secret shown).
    WebappSession again = WebappSession.anonymous(port);
    assertThat(again.logIn(user, PASSWORD).redirectsTo(CODE_PAGE)).isTrue();
    assertThat(again.page(CODE_PAGE).body()).doesNotContain("id=\"secret\"");
    assertThat(submit(again, currentCode(secret)).redirectsTo("/start")).isTrue();
    assertThat(again.get(TASKS).status()).isEqualTo(200);

    // A recovery code instead of the app's, once only.
    WebappSession lostPhone = WebappSession.anonymous(port);
    lostPhone.logIn(user, PASSWORD);
    assertThat(submit(lostPhone, recoveryCodes.get(3)).redirectsTo("/start")).isTrue();
    WebappSession reused = WebappSession.anonymous(port);
    reused.logIn(user, PASSWORD);
    assertThat(submit(reused, recoveryCodes.get(3)).body()).contains("id=\"wrong-code\"");
    assertThat(reused.get(TASKS).status()).isEqualTo(401);
  }

  @Test
  void tooManyWrongCodesStartTheSignInOver() throws Exception {
    String user = localAccount("deputy.local", "dcpo");
    WebappSession browser = WebappSession.anonymous(port);
    browser.logIn(user, PASSWORD);
    String secret = match(SECRET, browser.page(CODE_PAGE).body());

    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(submit(browser, wrongCode(secret)).status()).isEqualTo(200);
    }
    assertThat(submit(browser, wrongCode(secret)).redirectsTo("/login?error")).isTrue();
    // The right code no longer helps: the password is asked for again.
    assertThat(browser.page(CODE_PAGE).redirectsTo("/login")).isTrue();
    assertThat(browser.get(TASKS).status()).isEqualTo(401);
  }

  @Test
  void httpBasicIsRefusedForPrivilegedLocalAccountsOnly() {
    String administrator = localAccount("admin.local", "camunda-admin");
    String teacher = localAccount("teacher.local", "staff");

    assertThat(RestApi.as(port, administrator, PASSWORD).get("/task").status()).isEqualTo(401);
    assertThat(RestApi.as(port, teacher, PASSWORD).get("/task").status()).isEqualTo(200);
    assertThat(WebappSession.loggedIn(port, teacher, PASSWORD).get(TASKS).status()).isEqualTo(200);
  }

  private String localAccount(String id, String role) {
    User user = identityService.newUser(id);
    user.setFirstName("Local");
    user.setLastName("Account");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, role);
    created.add(id);
    return id;
  }

  private WebappSession.Reply submit(WebappSession browser, String code) {
    String token = WebappSession.csrfTokenOf(browser.page(CODE_PAGE));
    return browser.send("POST", CODE_PAGE, token, Map.of("code", code));
  }

  private static String currentCode(String secret) throws CodeGenerationException {
    return new DefaultCodeGenerator().generate(secret, timeStep(0));
  }

  /** A code that is valid in none of the time steps the application accepts. */
  private static String wrongCode(String secret) throws CodeGenerationException {
    List<String> valid = new ArrayList<>();
    for (int step = -2; step <= 2; step++) {
      valid.add(new DefaultCodeGenerator().generate(secret, timeStep(step)));
    }
    int candidate = Integer.parseInt(valid.get(2));
    String wrong;
    do {
      candidate = (candidate + 1) % 1_000_000;
      wrong = String.format("%06d", candidate);
    } while (valid.contains(wrong));
    return wrong;
  }

  private static long timeStep(int offset) {
    return System.currentTimeMillis() / 1000 / 30 + offset;
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("pattern " + pattern + " in the page").isTrue();
    return matcher.group(1);
  }
}
