package com.caisschool.safeguarding.modelchange;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.model-changes}: who approves a changed model (a second person with one of
 * these roles, never its proposer) and who moves running cases to another version.
 */
@ConfigurationProperties("safeguarding.model-changes")
public record ModelChangeProperties(List<String> approverGroups, List<String> migrationGroups) {

  public ModelChangeProperties {
    approverGroups = approverGroups == null ? List.of() : List.copyOf(approverGroups);
    migrationGroups = migrationGroups == null ? List.of() : List.copyOf(migrationGroups);
  }
}
