package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.EngineCommands;
import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.RestApi;
import com.caisschool.safeguarding.testing.WebappSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a request asks Camunda's identity store (issue 25): a REST request signs in and reads the
 * person's groups and tenants once, in one engine command (one transaction) before its own work;
 * a web session's request reads them once too. Read at every request all the same: someone taken
 * out of a group loses what it gave at their very next request, over the REST API and in their
 * web session.
 */
@ApplicationTest
class IdentityReadsPerRequestTest {

  private static final String IDENTITY_READS = "IdentityReads$ReadsInOneCommand";
  private static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void aRestRequestReadsTheUserGroupsAndTenantsOnceInOneCommandBeforeItsOwnWork() {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    assertThat(teacher.get("/task?maxResults=1").status()).isEqualTo(200);

    AtomicInteger status = new AtomicInteger();
    List<String> commands = EngineCommands.openedDuring(() -> status.set(teacher.get("/task?maxResults=1").status()));
    List<String> reads = EngineStatements.selectsDuring(() -> teacher.get("/task?maxResults=1")).stream()
        .map(EngineStatements.Statement::mapperStatement).toList();

    assertThat(status.get()).isEqualTo(200);
    // The sign-in's reads (user, password, groups, tenants) in one command, then the task query.
    assertThat(commands).containsExactly(IDENTITY_READS, "TaskQueryImpl");
    // The user by id (a fixed statement), not through a user query built anew from dynamic SQL.
    assertThat(reads).filteredOn(read -> read.startsWith("UserEntity.")).containsExactly("UserEntity.selectUser");
    assertThat(reads).filteredOn(read -> read.startsWith("GroupEntity.")).hasSize(1);
    assertThat(reads).filteredOn(read -> read.startsWith("TenantEntity.")).hasSize(1);
  }

  @Test
  void aWebSessionsRequestReadsTheGroupsOnce() {
    WebappSession tasklist = WebappSession.loggedIn(port, "teacher", "demo");
    assertThat(tasklist.get(WEBAPP_ENGINE_API + "/task?maxResults=1").status()).isEqualTo(200);

    List<String> reads = EngineStatements.selectsDuring(() -> tasklist.get(WEBAPP_ENGINE_API + "/task?maxResults=1"))
        .stream().map(EngineStatements.Statement::mapperStatement).toList();

    assertThat(reads).filteredOn(read -> read.startsWith("GroupEntity.")).hasSize(1);
    assertThat(reads).filteredOn(read -> read.startsWith("UserEntity.")).isEmpty();
  }

  @Test
  void someoneTakenOutOfAGroupLosesWhatItGaveAtTheirNextRequestOverRestAndInTheirWebSession() {
    String userId = "membership.probe";
    String password = "Membership-Probe-2026";
    User user = identityService.newUser(userId);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(userId, "staff");
    identityService.createMembership(userId, "cpo");
    try {
      RestApi rest = RestApi.as(port, userId, password);
      WebappSession browser = WebappSession.loggedIn(port, userId, password);
      // Statistics are for the CPO's roles (safeguarding.access.restricted-rest), the case file too.
      assertThat(rest.get("/process-definition/statistics").status()).isEqualTo(200);
      assertThat(browser.page("/casefile").status()).isEqualTo(200);

      identityService.deleteMembership(userId, "cpo");

      assertThat(rest.get("/process-definition/statistics").status()).isEqualTo(403);
      assertThat(browser.page("/casefile").status()).isEqualTo(403);
      assertThat(rest.get("/task").status()).isEqualTo(200);
    } finally {
      identityService.deleteUser(userId);
    }
  }
}
