package com.caisschool.safeguarding.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/** Camunda resources and permissions by the names Camunda Admin shows (READ_INSTANCE, ...). */
final class PermissionNames {

  private PermissionNames() {}

  static Resource resource(String name) {
    String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(Resources.values()).filter(r -> r.name().equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown Camunda resource '" + name + "'"));
  }

  static Permission permission(String name, Resource resource) {
    String wanted = name.trim().toUpperCase(Locale.ROOT);
    return permissions().filter(p -> p.getName().equals(wanted) && appliesTo(p, resource))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Permission '" + name + "' does not exist for resource " + resource.resourceName()));
  }

  /** Every permission that exists for {@code resource}. */
  static Permission[] all(Resource resource) {
    return permissions().filter(p -> appliesTo(p, resource)).toArray(Permission[]::new);
  }

  private static Stream<Permission> permissions() {
    return Stream.of(Permissions.values(), ProcessDefinitionPermissions.values(),
            ProcessInstancePermissions.values(), TaskPermissions.values(), BatchPermissions.values(),
            HistoricTaskPermissions.values(), HistoricProcessInstancePermissions.values(),
            SystemPermissions.values(), UserOperationLogCategoryPermissions.values())
        .flatMap(Arrays::stream);
  }

  private static boolean appliesTo(Permission permission, Resource resource) {
    return Arrays.stream(permission.getTypes()).anyMatch(t -> t.resourceType() == resource.resourceType());
  }
}
