package com.caisschool.safeguarding.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who opens the models page (/models: the approvers of {@code safeguarding.model-changes}) and
 * who moves running cases (/models/migration). Read here, where the doors are set, so that security
 * needs nothing from the model changes themselves.
 */
@ConfigurationProperties("safeguarding.model-changes")
public record ModelPageUsers(List<String> approverGroups, List<String> migrationGroups) {

  public ModelPageUsers {
    approverGroups = approverGroups == null ? List.of() : List.copyOf(approverGroups);
    migrationGroups = migrationGroups == null ? List.of() : List.copyOf(migrationGroups);
  }
}
