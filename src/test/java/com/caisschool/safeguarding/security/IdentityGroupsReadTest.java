package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.EngineStatements;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request reads the person's groups through the engine's fixed statement for a user's groups
 * (issue 25), and gets what the engine's group query answers: the same groups in the same order,
 * for someone in none and in each number of groups up to all of them, and again after a change.
 */
@ApplicationTest
class IdentityGroupsReadTest {

  @LocalServerPort int port;
  @Autowired IdentityReads reads;
  @Autowired IdentityService identityService;

  @Test
  void theGroupsReadAreTheGroupQuerysAnswer() {
    String userId = "groups.probe";
    User user = identityService.newUser(userId);
    user.setPassword("Groups-Probe-2026");
    identityService.saveUser(user);
    try {
      List<String> everyGroup = identityService.createGroupQuery().list().stream().map(Group::getId).toList();
      assertThat(everyGroup).contains("cpo", "staff").hasSizeGreaterThan(3);
      for (String joined : everyGroup) {
        identityService.createMembership(userId, joined);
        for (String someone : List.of(userId, "teacher", "cpo", "nobody.at.all")) {
          assertThat(reads.membershipOf(someone).groups()).as(someone)
              .isEqualTo(identityService.createGroupQuery().groupMember(someone).list().stream().map(Group::getId).toList());
        }
      }
      identityService.deleteMembership(userId, "cpo");
      assertThat(reads.membershipOf(userId).groups()).doesNotContain("cpo").contains("staff");
    } finally {
      identityService.deleteUser(userId);
    }
  }

  @Test
  void aRestRequestReadsTheGroupsWithTheFixedStatement() {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    assertThat(teacher.get("/task?maxResults=1").status()).isEqualTo(200);

    List<String> reads = EngineStatements.selectsDuring(() -> teacher.get("/task?maxResults=1")).stream()
        .map(EngineStatements.Statement::mapperStatement).toList();

    assertThat(reads).filteredOn(read -> read.startsWith("GroupEntity.")).containsExactly("GroupEntity.selectGroupsByUserId");
  }
}
