package com.caisschool.safeguarding.security;

import com.caisschool.safeguarding.identity.SchoolRoles;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Sets the standing grants of {@code safeguarding.access.grants} at every start-up: each
 * (group, resource) gets exactly the configured permissions, so the configuration is the record of
 * who may do what. Grants that are not in the configuration are left alone. Filters are named by
 * their display name; they are created by WorklistSetup.
 */
@Component
// The configured Tasklist filters (worklists) exist before their READ grants are set by name.
@DependsOn("worklistSetup")
class AccessSetup implements InitializingBean {

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final AccessProperties access;
  private final SchoolRoles roles;

  AccessSetup(AuthorizationService authorizations, FilterService filters, AccessProperties access, SchoolRoles roles) {
    this.roles = roles;
    this.authorizations = authorizations;
    this.filters = filters;
    this.access = access;
  }

  @Override
  public void afterPropertiesSet() {
    requireSomeoneToActForEverySubject();
    // Several entries may name the same group and resource: their permissions add up.
    Map<Target, Set<Permission>> permissionsByTarget = new LinkedHashMap<>();
    for (AccessProperties.Grant grant : access.grants()) {
      Resource resource = PermissionNames.resource(grant.resource());
      for (String resourceId : grant.resourceIds()) {
        String id = resource == Resources.FILTER && !resourceId.equals(Authorization.ANY) ? filterId(resourceId) : resourceId;
        for (String group : grant.groups()) {
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

  /** The filters themselves are WorklistSetup's (safeguarding.worklists); a grant only names one. */
  private String filterId(String name) {
    return filters.createFilterQuery().filterName(name).list().stream()
        .filter(filter -> filter.getOwner() == null).findFirst().map(Filter::getId)
        .orElseThrow(() -> new IllegalStateException("safeguarding.access grants READ on the Tasklist filter '"
            + name + "', which safeguarding.worklists.filters does not define"));
  }
}
