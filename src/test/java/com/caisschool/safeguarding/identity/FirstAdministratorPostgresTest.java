package com.caisschool.safeguarding.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.PostgresApplication;
import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import com.caisschool.safeguarding.testing.PostgresNode;
import com.caisschool.safeguarding.testing.PostgresUsers;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A new production database gets its first system administrator from configuration; that account
 * manages users in Camunda Admin but reads no case, and a later start leaves it alone.
 */
@PostgresApplicationTest
class FirstAdministratorPostgresTest {

  private static final String ENGINE_API = "/camunda/api/engine/engine/" + PostgresApplication.ENGINE;

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired DemoUserProperties demoUsers;

  @Test
  void firstAdministratorManagesUsersButReadsNoCase() {
    runtimeService.startProcessInstanceByKey("safeguarding-concern", Map.of("childName", "Eli Brandt-Testchild",
        "childGrade", "Grade 2", "categories", "physical-abuse", "immediateDanger", false,
        "concernAbout", "family-member", "concernAroseAt", new Date(System.currentTimeMillis() - 600_000),
        "location", "Gym", "observations", "Limping", "disclosure", "Nothing said"));
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId(PostgresUsers.ADMIN).count())
        .isOne();

    WebappSession admin = WebappSession.loggedIn(port, PostgresUsers.ADMIN, PostgresNode.PASSWORD);

    WebappSession.Reply users = admin.get(ENGINE_API + "/user?id=" + PostgresUsers.TEACHER);
    assertThat(users.status()).as(users.body()).isEqualTo(200);
    assertThat(users.json()).hasSize(1);
    WebappSession.Reply cases = admin.get(ENGINE_API + "/history/process-instance/count");
    assertThat(cases.status()).as(cases.body()).isEqualTo(200);
    assertThat(cases.json().path("count").asInt()).isZero();
  }

  @Test
  void laterStartsLeaveTheAdministratorAlone() {
    var again = new FirstAdministrator(identityService,
        new FirstAdministratorProperties("someone-else", "Another-long-password-2"), demoUsers);

    again.setUp();

    assertThat(identityService.createUserQuery().userId("someone-else").count()).isZero();
    assertThat(identityService.checkPassword(PostgresUsers.ADMIN, PostgresNode.PASSWORD)).isTrue();
  }
}
