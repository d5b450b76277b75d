package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.EngineClock;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords slow a guesser down and never shut an account out for good (issue 18): eleven
 * wrong passwords used to lock an account until an administrator unlocked it, which the engine
 * then refused (403 ENGINE-03029).
 */
@ApplicationTest
class SignInThrottleTest {

  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void elevenWrongPasswordsHoldTheAccountForAWhileAndAnAdministratorUnlocksIt() {
    for (int i = 0; i < 11; i++) {
      assertThat(WebappSession.anonymous(port).logIn("smt", "wrong-" + i).redirectsTo("/login?error")).isTrue();
    }
    assertThat(WebappSession.anonymous(port).logIn("smt", "demo").redirectsTo("/login?error"))
        .as("held for now, even with the right password").isTrue();
    assertThat(RestApi.as(port, "smt", "demo").get("/task").status()).isEqualTo(401);

    RestApi.Reply unlocked = RestApi.as(port, "admin", "demo").post("/user/smt/unlock", java.util.Map.of());
    assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(204);
    assertThat(WebappSession.anonymous(port).logIn("smt", "demo").redirectsTo("/start")).isTrue();
  }

  @Test
  void theHoldEndsByItselfAfterTheWindow() {
    for (int i = 0; i < 6; i++) {
      WebappSession.anonymous(port).logIn("hr", "wrong-" + i);
    }
    assertThat(RestApi.as(port, "hr", "demo").get("/task").status()).isEqualTo(401);
    EngineClock.passTime(Duration.ofMinutes(16));
    assertThat(RestApi.as(port, "hr", "demo").get("/task").status()).isEqualTo(200);
  }

  @Test
  void onlyAnAdministratorUnlocks() {
    assertThat(RestApi.as(port, "cpo", "demo").post("/user/teacher/unlock", java.util.Map.of()).status())
        .isEqualTo(403);
  }

  @Test
  void aGuesserFromOneAddressIsHeldForEveryAccountAndTheOwnerFromAnotherIsNot() {
    ClockUtil.setCurrentTime(new Date());
    SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Limits(3, 2, Duration.ofMinutes(15),
        Duration.ofSeconds(2)));
    throttle.succeeded("cpo", "10.0.0.5");
    for (String user : new String[] {"cpo", "deputy", "head"}) {
      throttle.failed(user, "203.0.113.9");
    }
    assertThat(throttle.mayTry("teacher", "203.0.113.9")).as("the guessing address, any account").isFalse();
    assertThat(throttle.mayTry("cpo", "10.0.0.5")).as("the CPO from their own address, at once").isTrue();
    assertThat(throttle.mayTry("cpo", "198.51.100.7")).as("the CPO's account from a new address: a pause").isFalse();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3)));
    assertThat(throttle.mayTry("cpo", "198.51.100.7")).isTrue();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(16))));
    assertThat(throttle.mayTry("teacher", "203.0.113.9")).as("the hold ends by itself").isTrue();
  }
}
