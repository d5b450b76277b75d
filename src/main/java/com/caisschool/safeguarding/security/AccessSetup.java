package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.deployment.EngineSetUp;
import com.caisschool.safeguarding.identity.SchoolRoles;
import com.caisschool.safeguarding.worklists.WorklistSetup;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets the standing grants of {@code safeguarding.access.grants} at every start-up: each
 * (group, resource) gets exactly the configured permissions, so the configuration is the record of
 * who may do what. Grants that are not in the configuration are left alone. Filters are named by
 * their display name; they are created by WorklistSetup, which says which copy of a filter a group reads.
 */
@Component
@Order(4)
class AccessSetup implements EngineSetUp {

  private final AuthorizationService authorizations;
  private final WorklistSetup worklists;
  private final AccessProperties access;
  private final SchoolRoles roles;

  AccessSetup(AuthorizationService authorizations, WorklistSetup worklists, AccessProperties access, SchoolRoles roles) {
    this.roles = roles;
    this.authorizations = authorizations;
    this.worklists = worklists;
    this.access = access;
  }

  @Override
  public void setUp() {
    requireSomeoneToActForEverySubject();
    // Several entries may name the same group and resource: their permissions add up.
    Map<Target, Set<Permission>> permissionsByTarget = new LinkedHashMap<>();
    for (AccessProperties.Grant grant : access.grants()) {
      Resource resource = PermissionNames.resource(grant.resource());
      for (String resourceId : grant.resourceIds()) {
        boolean namedFilter = resource == Resources.FILTER && !resourceId.equals(Authorization.ANY);
        for (String group : grant.groups()) {
          String id = namedFilter ? worklists.filterFor(resourceId, group) : resourceId;
          if (namedFilter) {
            // A group reads one copy of a filter (WorklistSetup): a grant left on the other goes.
            worklists.filtersNotFor(resourceId, group).forEach(other -> withdraw(group, Resources.FILTER, other));
          }
          Set<Permission> permissions = permissionsByTarget.computeIfAbsent(new Target(group, resource, id),
              target -> new LinkedHashSet<>());
          grant.permissions().forEach(name -> permissions.add(PermissionNames.permission(name, resource)));
        }
      }
    }
    permissionsByTarget.forEach((target, permissions) ->
        setGrant(target.group(), target.resource(), target.resourceId(), permissions.toArray(Permission[]::new)));
  }

  /** Someone else always acts: each alternate is another of the school's roles. */
  private void requireSomeoneToActForEverySubject() {
    access.alternates().forEach((group, alternate) -> {
      if (group.equals(alternate) || !roles.roles().containsKey(alternate)) {
        throw new IllegalStateException("safeguarding.access.alternates: '" + group + "' must be replaced by another"
            + " of safeguarding.roles, not '" + alternate + "'");
      }
    });
  }

  private record Target(String group, Resource resource, String resourceId) {}

  private void setGrant(String group, Resource resource, String resourceId, Permission[] permissions) {
    Authorization grant = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (names(grant.getPermissions(PermissionNames.all(resource))).equals(names(permissions))) {
      return;
    }
    grant.setPermissions(permissions);
    authorizations.saveAuthorization(grant);
  }

  private static Set<String> names(Permission[] permissions) {
    Set<String> names = new HashSet<>();
    Arrays.stream(permissions).map(Permission::getName).forEach(names::add);
    names.remove("NONE");
    return names;
  }

  private void withdraw(String group, Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }
}
