package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's checks take a person's few groups as they are (issue 25): the engine no longer reads
 * every group named in the authorization table before each command's first check, and a person in
 * more groups than anyone at a school is still filtered the engine's way. That the answers stay
 * the same is the access tests' part (AccessMatrixTest, SubjectAccessMatrixTest and the others run
 * with this manager installed).
 */
@ApplicationTest
class LeanAuthorizationManagerTest {

  private static final String EVERY_GROUP_WITH_A_GRANT = "AuthorizationEntity.selectAuthorizedGroupIds";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @Test
  void theCposListsAreCheckedWithoutReadingEveryGroupThatHasAGrant() {
    RestApi cpo = RestApi.as(port, "cpo", "demo");
    List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> {
      assertThat(cpo.get("/filter?resourceType=Task&itemCount=true").status()).isEqualTo(200);
      assertThat(cpo.get("/task?maxResults=50").status()).isEqualTo(200);
    });
    assertThat(asked).as("the requests ran checked queries").isNotEmpty()
        .noneMatch(statement -> statement.mapperStatement().equals(EVERY_GROUP_WITH_A_GRANT));
  }

  @Test
  void someoneInMoreGroupsThanTheBoundIsFilteredTheEnginesWay() {
    List<String> groups = new ArrayList<>(List.of("staff"));
    IntStream.rangeClosed(1, LeanAuthorizationManager.GROUPS_PASSED_AS_THEY_ARE)
        .forEach(i -> groups.add("lean-check-group-" + i));
    identityService.setAuthentication("teacher", groups);
    try {
      List<EngineStatements.Statement> asked = EngineStatements.selectsDuring(() -> taskService.createTaskQuery().count());
      assertThat(asked).anyMatch(statement -> statement.mapperStatement().equals(EVERY_GROUP_WITH_A_GRANT));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
