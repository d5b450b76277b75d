package com.caisschool.safeguarding.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's set-up at start-up runs its parts in their order (the first administrator after the
 * roles it joins, the grants after the filters they name), and running it again, as a restart
 * does, adds nothing. What each part creates: DemoUsersTest, WorklistTest, AccessMatrixTest.
 */
@ApplicationTest
class SetUpAtStartTest {

  @Autowired List<EngineSetUp> parts;
  @Autowired SetUpAtStart setUpAtStart;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void thePartsRunInTheirOrder() {
    assertThat(parts).extracting(part -> part.getClass().getSimpleName())
        .containsExactly("IdentitySetup", "FirstAdministrator", "WorklistSetup", "AccessSetup");
  }

  @Test
  void aRestartsSetUpAddsNothing() {
    setUpAtStart.afterPropertiesSet(); // whatever earlier tests changed is brought back to the configuration
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    long filters = filterService.createFilterQuery().count();
    long grants = authorizationService.createAuthorizationQuery().count();

    setUpAtStart.afterPropertiesSet();

    assertThat(groups).isPositive();
    assertThat(filters).isPositive();
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(grants);
  }
}
