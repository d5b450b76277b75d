package com.caisschool.safeguarding.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.WebappSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rota page (/on-call): the CPO, the deputy and an administrator keep the rota and the mobile
 * numbers without a redeploy; nobody else opens it; bad input is refused with a 400 naming the field.
 */
@ApplicationTest
class OnCallRotaPageTest {

  @LocalServerPort int port;
  @Autowired OnCallRota rota;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clear() {
    jdbc.update("delete from on_call_rota where user_id = 'principal'");
    jdbc.update("delete from on_call_contact where user_id = 'principal'");
  }

  @Test
  void theCpoPutsSomeoneOnCallAndTheirMobileAndTheNextAlertUsesIt() {
    WebappSession cpo = WebappSession.loggedIn(port, "cpo", "demo");
    var page = cpo.page("/on-call");
    assertThat(page.status()).isEqualTo(200);
    String csrf = WebappSession.csrfTokenOf(page);
    LocalDate day = LocalDate.of(2031, 2, 7);

    var added = cpo.send("POST", "/on-call/rota", csrf,
        Map.of("from", day.toString(), "to", day.plusDays(2).toString(), "position", "2", "userId", "principal"));
    var mobile = cpo.send("POST", "/on-call/contacts", csrf, Map.of("userId", "principal", "mobile", "+86 138 0000 0009"));

    assertThat(added.redirectsTo("/on-call")).isTrue();
    assertThat(mobile.redirectsTo("/on-call")).isTrue();
    assertThat(rota.onCall(day.plusDays(1))).contains("principal");
    assertThat(rota.onCall(day.plusDays(3))).doesNotContain("principal");
    assertThat(rota.mobileOf("principal")).contains("+86 138 0000 0009");
    assertThat(cpo.page("/on-call").body()).contains("principal").contains(day.toString());
  }

  @Test
  void badInputIsRefusedNamingTheFieldNeverRepeatingIt() {
    WebappSession deputy = WebappSession.loggedIn(port, "deputy", "demo");
    String csrf = WebappSession.csrfTokenOf(deputy.page("/on-call"));

    var backwards = deputy.send("POST", "/on-call/rota", csrf,
        Map.of("from", "2031-02-07", "to", "2031-02-01", "position", "1", "userId", "principal"));
    var notADate = deputy.send("POST", "/on-call/rota", csrf,
        Map.of("from", "<script>x</script>", "to", "2031-02-01", "position", "1", "userId", "principal"));
    var nobody = deputy.send("POST", "/on-call/rota", csrf,
        Map.of("from", "2031-02-07", "to", "2031-02-07", "position", "1", "userId", "no-such-user'--"));
    var order = deputy.send("POST", "/on-call/rota", csrf,
        Map.of("from", "2031-02-07", "to", "2031-02-07", "position", "99", "userId", "principal"));
    var phone = deputy.send("POST", "/on-call/contacts", csrf, Map.of("userId", "principal", "mobile", "call me"));

    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body()).contains("To not before From");
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(notADate.body()).contains("must be dates").doesNotContain("<script>x");
    assertThat(nobody.status()).isEqualTo(400);
    assertThat(nobody.body()).contains("Person must be one of the users").doesNotContain("no-such-user");
    assertThat(order.status()).isEqualTo(400);
    assertThat(order.body()).contains("Order must be");
    assertThat(phone.status()).isEqualTo(400);
    assertThat(phone.body()).contains("Mobile number must be").doesNotContain("call me");
    assertThat(rota.onCall(LocalDate.of(2031, 2, 7))).doesNotContain("principal");
  }

  @Test
  void onlyTheRotaEditorsOpenThePage() {
    assertThat(WebappSession.loggedIn(port, "admin", "demo").page("/on-call").status()).isEqualTo(200);
    assertThat(WebappSession.loggedIn(port, "teacher", "demo").page("/on-call").status()).isEqualTo(403);
    assertThat(WebappSession.loggedIn(port, "head", "demo").page("/on-call").status()).isEqualTo(403);
    var anonymous = WebappSession.anonymous(port).page("/on-call");
    assertThat(anonymous.status()).isIn(302, 401);
  }
}
