package com.caisschool.safeguarding.identity;

import com.caisschool.safeguarding.deployment.EngineSetUp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * While nobody is in {@code camunda-admin}, creates the first system administrator from
 * configuration (SAFEGUARDING_ADMIN_ID, SAFEGUARDING_ADMIN_PASSWORD), who then creates the staff
 * accounts in Camunda Admin. Once an administrator exists it does nothing, so the password can be
 * removed from the environment and changed in Admin. The administrator gets only the grants of
 * {@code safeguarding.access} for {@code camunda-admin}: models and users, never case data.
 */
@Component
@Order(2) // after IdentitySetup, which creates the groups
class FirstAdministrator implements EngineSetUp {

  static final String GROUP = "camunda-admin";
  static final int MIN_PASSWORD_LENGTH = 12;

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final IdentityService identityService;
  private final FirstAdministratorProperties first;
  private final DemoUserProperties demoUsers;

  FirstAdministrator(IdentityService identityService, FirstAdministratorProperties first,
      DemoUserProperties demoUsers) {
    this.identityService = identityService;
    this.first = first;
    this.demoUsers = demoUsers;
  }

  @Override
  public void setUp() {
    if (identityService.createUserQuery().memberOfGroup(GROUP).count() > 0) {
      return;
    }
    String password = first == null ? null : first.password();
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No system administrator exists yet: set SAFEGUARDING_ADMIN_PASSWORD"
          + " (and SAFEGUARDING_ADMIN_ID) for the first start, then create the staff accounts in Camunda Admin.");
    }
    if (password.length() < MIN_PASSWORD_LENGTH || password.equals(demoUsers.password())) {
      throw new IllegalStateException("SAFEGUARDING_ADMIN_PASSWORD is too weak: use at least "
          + MIN_PASSWORD_LENGTH + " characters, not the demo password.");
    }
    String id = first.id() == null || first.id().isBlank() ? "school-admin" : first.id().trim();
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("System");
      user.setLastName("Administrator");
      user.setPassword(password);
      identityService.saveUser(user);
    }
    identityService.createMembership(id, GROUP);
    log.info("First system administrator '{}' created; change its password in Camunda Admin.", id);
  }
}
