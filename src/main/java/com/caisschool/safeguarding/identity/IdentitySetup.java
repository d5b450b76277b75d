package com.caisschool.safeguarding.identity;

import com.caisschool.safeguarding.deployment.EngineSetUp;
import com.caisschool.safeguarding.language.UserLanguages;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the school's roles as Camunda groups and, in the embedded default only, the demo users.
 * Idempotent: runs at every start. Outside the embedded default, refuses to start while a demo
 * account can still be used with the demo password.
 */
@Component
@Order(1)
class IdentitySetup implements EngineSetUp {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final SchoolRoles roles;
  private final DemoUserProperties demoUsers;
  private final DemoPasswordCheck demoPasswordCheck;
  private final Environment environment;

  IdentitySetup(IdentityService identityService, SchoolRoles roles, DemoUserProperties demoUsers,
      DemoPasswordCheck demoPasswordCheck, Environment environment) {
    this.identityService = identityService;
    this.roles = roles;
    this.demoUsers = demoUsers;
    this.demoPasswordCheck = demoPasswordCheck;
    this.environment = environment;
  }

  @Override
  public void setUp() {
    roles.roles().forEach(this::ensureGroup);
    boolean embeddedDefault = environment.getActiveProfiles().length == 0
        || environment.acceptsProfiles(Profiles.of("test"));
    if (embeddedDefault && demoUsers.enabled()) {
      demoUsers.users().forEach(this::ensureDemoUser);
      log.warn("Demo users are active with the demo password: for trying the system only.");
    } else {
      refuseDemoPasswords();
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void ensureDemoUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@demo.invalid");
      user.setPassword(demoUsers.password());
      identityService.saveUser(user);
    }
    if (demo.language() != null && identityService.getUserInfo(demo.id(), UserLanguages.USER_INFO_KEY) == null) {
      identityService.setUserInfo(demo.id(), UserLanguages.USER_INFO_KEY, demo.language());
    }
    for (String group : demo.groups()) {
      if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
        identityService.createMembership(demo.id(), group);
      }
    }
  }

  private void refuseDemoPasswords() {
    if (demoUsers.enabled()) {
      throw new IllegalStateException(
          "safeguarding.demo-users.enabled is true outside the embedded default: turn it off.");
    }
    for (DemoUser demo : demoUsers.users()) {
      if (demoPasswordCheck.stillUsesDemoPassword(demo.id(), demoUsers.password())) {
        throw new IllegalStateException("The account '" + demo.id()
            + "' still has the demo password. Change it or delete the account in Camunda Admin"
            + " (embedded default) before starting with this profile.");
      }
    }
  }
}
