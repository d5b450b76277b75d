package com.caisschool.safeguarding.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.testing.PostgresApplicationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The postgres profile refuses demo users, checked against the password hashes on PostgreSQL. */
@PostgresApplicationTest
class DemoUsersPostgresTest {

  @Autowired IdentityService identityService;
  @Autowired SchoolRoles roles;
  @Autowired DemoPasswordCheck demoPasswordCheck;
  @Autowired DemoUserProperties demoUsers;
  @Autowired Environment environment;

  @Test
  void noDemoAccountIsCreatedInThePostgresProfile() {
    assertThat(demoUsers.enabled()).isFalse();
    for (DemoUser demo : demoUsers.users()) {
      assertThat(identityService.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
    }
  }

  @Test
  void aDemoAccountWithTheDemoPasswordStopsTheStart() {
    User restored = identityService.newUser("cpo");
    restored.setPassword(demoUsers.password());
    identityService.saveUser(restored);
    try {
      var setup = new IdentitySetup(identityService, roles, demoUsers, demoPasswordCheck, environment);
      assertThatThrownBy(setup::setUp).hasMessageContaining("'cpo' still has the demo password");

      User changed = identityService.createUserQuery().userId("cpo").singleResult();
      changed.setPassword("A-real-Password-1");
      identityService.saveUser(changed);
      setup.setUp();
    } finally {
      identityService.deleteUser("cpo");
    }
  }

  @Test
  void demoUsersSwitchedOnStopTheStart() {
    var setup = new IdentitySetup(identityService, roles, new DemoUserProperties(true, "demo", demoUsers.users()),
        demoPasswordCheck, environment);

    assertThatThrownBy(setup::setUp).hasMessageContaining("demo-users.enabled");
  }
}
