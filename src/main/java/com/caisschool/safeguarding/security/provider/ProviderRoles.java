package com.caisschool.safeguarding.security.provider;

import com.caisschool.safeguarding.identity.ProviderAccounts;
import com.caisschool.safeguarding.identity.SchoolRoles;
import com.caisschool.safeguarding.security.CamundaIdentityAuthentication;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Turns what the provider says about a user (their id and groups claims) into the school roles of
 * the configured mapping, and records them in Camunda's identity store. A user whose groups map to
 * no role is refused: unknown to the school, they get nothing.
 */
class ProviderRoles {

  private final SchoolProviderProperties provider;
  private final Map<String, Set<String>> rolesByGroup;
  private final ProviderAccounts accounts;

  ProviderRoles(SchoolProviderProperties provider, SchoolRoles schoolRoles, ProviderAccounts accounts) {
    this.provider = provider;
    this.rolesByGroup = provider.rolesByProviderGroup();
    this.accounts = accounts;
    rolesByGroup.values().stream().flatMap(Set::stream).filter(role -> !schoolRoles.roles().containsKey(role))
        .findFirst().ifPresent(role -> {
          throw new IllegalStateException("safeguarding.sso.group-mapping names a role that is not in"
              + " safeguarding.roles: " + role);
        });
  }

  /** The signed-in user: their id, and the authorities of their roles (Camunda group prefix). */
  SignedIn signIn(Map<String, Object> claims) {
    Object id = claims.get(provider.userIdClaim());
    if (!(id instanceof String userId) || userId.isBlank()) {
      throw new UnknownUser("The provider's answer has no " + provider.userIdClaim() + " claim.");
    }
    Set<String> roles = new TreeSet<>();
    for (String group : groupsIn(claims.get(provider.groupsClaim()))) {
      roles.addAll(rolesByGroup.getOrDefault(group, Set.of()));
    }
    if (roles.isEmpty()) {
      throw new UnknownUser("No group of this user gives a role in the safeguarding application.");
    }
    accounts.signedIn(userId, text(claims.get("given_name")), text(claims.get("family_name")),
        text(claims.get("email")), roles);
    return new SignedIn(userId, roles.stream()
        .map(role -> new SimpleGrantedAuthority(CamundaIdentityAuthentication.GROUP_PREFIX + role)).toList());
  }

  private static Collection<String> groupsIn(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return claim instanceof String single ? List.of(single) : List.of();
  }

  private static String text(Object claim) {
    return claim instanceof String value ? value : null;
  }

  record SignedIn(String userId, List<SimpleGrantedAuthority> authorities) {}

  /** The provider knows the user, the school does not: no role, no entry. */
  static class UnknownUser extends RuntimeException {
    UnknownUser(String message) {
      super(message);
    }
  }
}
