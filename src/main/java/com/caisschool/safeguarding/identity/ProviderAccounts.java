package com.caisschool.safeguarding.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Users who sign in through the school's identity provider, kept in Camunda's identity store so
 * that tasks, candidate groups and authorizations work as for local accounts. The provider is the
 * one source of their role memberships: at every sign-in the school roles they hold here become
 * exactly the ones the provider gave; other groups are left alone. They get no local password.
 */
@Component
public class ProviderAccounts {

  private final IdentityService identityService;
  private final SchoolRoles roles;

  ProviderAccounts(IdentityService identityService, SchoolRoles roles) {
    this.identityService = identityService;
    this.roles = roles;
  }

  /** Creates the user on first sign-in and brings their school roles up to date. */
  public void signedIn(String userId, String firstName, String lastName, String email, Set<String> schoolRoles) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
      describe(user, firstName, lastName, email);
      identityService.saveUser(user);
    } else if (!same(user.getFirstName(), firstName) || !same(user.getLastName(), lastName)
        || !same(user.getEmail(), email)) {
      describe(user, firstName, lastName, email);
      identityService.saveUser(user);
    }
    Set<String> current = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    for (String role : roles.roles().keySet()) {
      boolean member = current.contains(role);
      if (schoolRoles.contains(role) && !member) {
        identityService.createMembership(userId, role);
      } else if (!schoolRoles.contains(role) && member) {
        identityService.deleteMembership(userId, role);
      }
    }
  }

  private static void describe(User user, String firstName, String lastName, String email) {
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
