package com.caisschool.safeguarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.testing.ApplicationTest;
import com.caisschool.safeguarding.testing.EngineCommands;
import com.caisschool.safeguarding.testing.RestApi;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in reads the person's tenants (and, with another identity provider, their groups) inside
 * its own engine command, not as a command nested in it (issue 25), and gets what the engine's
 * tenant query answers: a tenant joined directly, one through a group, both, none, and again after
 * a change.
 */
@ApplicationTest
class IdentityTenantsReadTest {

  @LocalServerPort int port;
  @Autowired IdentityReads reads;
  @Autowired IdentityService identityService;

  @Test
  void theTenantsReadAreTheTenantQuerysAnswer() {
    String userId = "tenants.probe";
    String group = "tenants-probe-group";
    List<String> tenants = List.of("tenantsProbeDirect", "tenantsProbeByGroup", "tenantsProbeBoth");
    User user = identityService.newUser(userId);
    user.setPassword("Tenants-Probe-2026");
    identityService.saveUser(user);
    identityService.saveGroup(identityService.newGroup(group));
    tenants.forEach(id -> identityService.saveTenant(identityService.newTenant(id)));
    try {
      assertThat(reads.membershipOf(userId).tenants()).isEmpty();
      identityService.createTenantUserMembership("tenantsProbeDirect", userId);
      identityService.createTenantUserMembership("tenantsProbeBoth", userId);
      identityService.createTenantGroupMembership("tenantsProbeByGroup", group);
      identityService.createTenantGroupMembership("tenantsProbeBoth", group);
      assertThat(reads.membershipOf(userId).tenants()).isEqualTo(tenantQuery(userId))
          .containsExactlyInAnyOrder("tenantsProbeDirect", "tenantsProbeBoth");

      identityService.createMembership(userId, group);
      assertThat(reads.membershipOf(userId).tenants()).isEqualTo(tenantQuery(userId))
          .contains("tenantsProbeDirect", "tenantsProbeByGroup", "tenantsProbeBoth");
      for (String someone : List.of("teacher", "cpo", "nobody.at.all")) {
        assertThat(reads.membershipOf(someone).tenants()).as(someone).isEqualTo(tenantQuery(someone));
      }

      identityService.deleteMembership(userId, group);
      assertThat(reads.membershipOf(userId).tenants()).isEqualTo(tenantQuery(userId))
          .doesNotContain("tenantsProbeByGroup");
    } finally {
      tenants.forEach(identityService::deleteTenant);
      identityService.deleteGroup(group);
      identityService.deleteUser(userId);
    }
  }

  @Test
  void aRestRequestRunsNoCommandInsideTheSignInsCommand() {
    RestApi teacher = RestApi.as(port, "teacher", "demo");
    assertThat(teacher.get("/task?maxResults=1").status()).isEqualTo(200);

    AtomicInteger status = new AtomicInteger();
    List<String> started = EngineCommands.startedDuring(() -> status.set(teacher.get("/task?maxResults=1").status()));

    assertThat(status.get()).isEqualTo(200);
    // The sign-in's reads (user, password remembered, groups, tenants) as one command, then the request's own.
    assertThat(started).containsExactly("IdentityReads$ReadsInOneCommand", "TaskQueryImpl");
  }

  private List<String> tenantQuery(String userId) {
    return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }
}
