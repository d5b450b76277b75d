package com.caisschool.safeguarding.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caisschool.safeguarding.testing.ApplicationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** Demo users for every role in the embedded default; refused by any other profile. */
@ApplicationTest
class DemoUsersTest {

  @Autowired IdentityService identityService;
  @Autowired SchoolRoles roles;
  @Autowired DemoPasswordCheck demoPasswordCheck;
  @Autowired DemoUserProperties demoUsers;

  @Test
  void everyRoleHasItsGroupAndADemoUser() {
    for (String group : roles.roles().keySet()) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isOne();
      if (!group.equals("trip-leaders") && !group.equals("hr")) {
        assertThat(identityService.createUserQuery().memberOfGroup(group).count()).as(group).isPositive();
      }
    }
    assertThat(identityService.checkPassword("cpo", "demo")).isTrue();
  }

  @Test
  void anotherProfileRefusesToStartWhileADemoPasswordIsInUse() {
    var production = new MockEnvironment();
    production.setActiveProfiles("postgres");
    var setup = new IdentitySetup(identityService, roles, new DemoUserProperties(false, "demo", demoUsers.users()),
        demoPasswordCheck, production);

    assertThatThrownBy(setup::setUp)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("still has the demo password");
  }

  @Test
  void anotherProfileRefusesDemoUsersSwitchedOn() {
    var production = new MockEnvironment();
    production.setActiveProfiles("postgres");
    var setup = new IdentitySetup(identityService, roles, new DemoUserProperties(true, "demo", demoUsers.users()),
        demoPasswordCheck, production);

    assertThatThrownBy(setup::setUp).hasMessageContaining("demo-users.enabled");
  }

  @Test
  void changedPasswordIsNotMistakenForTheDemoPassword() {
    assertThat(demoPasswordCheck.stillUsesDemoPassword("cpo", "demo")).isTrue();
    assertThat(demoPasswordCheck.stillUsesDemoPassword("cpo", "something-else")).isFalse();
    assertThat(demoPasswordCheck.stillUsesDemoPassword("nobody", "demo")).isFalse();
  }
}
