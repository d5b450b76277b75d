package com.caisschool.safeguarding.modelchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of every accepted deployment: who proposed it, who approved it, when, which files,
 * which elements it added or removed, and the policy version each process names. Written in the
 * deployment's own transaction, so a record exists exactly when the deployment does.
 */
@Repository
public class DeploymentRecords {

  /** One accepted deployment. */
  public record DeploymentRecord(String deploymentId, Instant deployedAt, String proposedBy, String approvedBy,
      String files, String added, String removed, String versionTags) {}

  private final JdbcTemplate jdbc;

  DeploymentRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(DeploymentRecord record) {
    jdbc.update("insert into model_deployment (deployment_id, deployed_at, proposed_by, approved_by, files,"
            + " added_elements, removed_elements, version_tags) values (?, ?, ?, ?, ?, ?, ?, ?)",
        record.deploymentId(), Timestamp.from(record.deployedAt()), record.proposedBy(), record.approvedBy(),
        record.files(), record.added(), record.removed(), record.versionTags());
  }

  public List<DeploymentRecord> all() {
    return jdbc.query("select * from model_deployment order by deployed_at desc", (row, n) -> new DeploymentRecord(
        row.getString("deployment_id"), row.getTimestamp("deployed_at").toInstant(), row.getString("proposed_by"),
        row.getString("approved_by"), row.getString("files"), row.getString("added_elements"),
        row.getString("removed_elements"), row.getString("version_tags")));
  }

  public DeploymentRecord find(String deploymentId) {
    return all().stream().filter(r -> r.deploymentId().equals(deploymentId)).findFirst().orElse(null);
  }
}
