package com.caisschool.safeguarding.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may do what ({@code safeguarding.access}): standing grants by role, set at every start-up,
 * and the rule that keeps a case away from the group it is about.
 */
@ConfigurationProperties("safeguarding.access")
public record AccessProperties(List<Grant> grants, HiddenFromSubject hiddenFromSubject,
    List<String> caseAccessPermissions) {

  public AccessProperties {
    grants = grants == null ? List.of() : List.copyOf(grants);
    caseAccessPermissions = caseAccessPermissions == null ? List.of("READ") : List.copyOf(caseAccessPermissions);
  }

  /** Permissions (Camunda names) on resources of one type (Camunda resource name) for groups. */
  public record Grant(List<String> groups, String resource, List<String> resourceIds, List<String> permissions) {
    public Grant {
      groups = List.copyOf(groups);
      resourceIds = resourceIds == null || resourceIds.isEmpty() ? List.of("*") : List.copyOf(resourceIds);
      permissions = List.copyOf(permissions);
    }
  }

  /**
   * A case whose variable {@code variable} equals {@code value} is hidden from every member of
   * {@code group}, whatever other group would let them see it (an allegation against the Head).
   */
  public record HiddenFromSubject(String variable, String value, String group) {}
}
