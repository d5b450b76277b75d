package com.caisschool.safeguarding.modelchange;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Changed models waiting for a second person: their files, who proposed them, and the decision. */
@Repository
public class Proposals {

  /** One proposal as the models page lists it. */
  public record Proposal(long id, String name, String proposedBy, Instant proposedAt, String state,
      String decidedBy, Instant decidedAt, String deploymentId) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  Proposals(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Stores a proposal in a transaction of its own: the deployment it was made from is rolled back
   * (nothing is deployed), the proposal stays.
   */
  long hold(String name, String proposedBy, Map<String, byte[]> files, Instant now) {
    return ownTransaction.execute(status -> {
      var key = new GeneratedKeyHolder();
      jdbc.update(connection -> {
        var insert = connection.prepareStatement("insert into model_proposal (name, proposed_by, proposed_at, state)"
            + " values (?, ?, ?, 'PROPOSED')", new String[] {"id"});
        insert.setString(1, name == null || name.isBlank() ? "unnamed" : limit(name));
        insert.setString(2, proposedBy);
        insert.setTimestamp(3, Timestamp.from(now));
        return insert;
      }, key);
      long id = key.getKey().longValue();
      files.forEach((file, content) -> jdbc.update("insert into model_proposal_file (proposal_id, name, content)"
          + " values (?, ?, ?)", id, file, new String(content, StandardCharsets.UTF_8)));
      return id;
    });
  }

  public List<Proposal> all() {
    return jdbc.query("select * from model_proposal order by id desc", (row, n) -> new Proposal(row.getLong("id"),
        row.getString("name"), row.getString("proposed_by"), row.getTimestamp("proposed_at").toInstant(),
        row.getString("state"), row.getString("decided_by"), instant(row.getTimestamp("decided_at")),
        row.getString("deployment_id")));
  }

  public Proposal find(long id) {
    return all().stream().filter(proposal -> proposal.id() == id).findFirst().orElse(null);
  }

  public Map<String, byte[]> files(long id) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    jdbc.query("select name, content from model_proposal_file where proposal_id = ? order by name",
        row -> { files.put(row.getString("name"), row.getString("content").getBytes(StandardCharsets.UTF_8)); }, id);
    return files;
  }

  /** Marks a waiting proposal decided; false when it was no longer waiting (decided meanwhile). */
  boolean decide(long id, String state, String by, Instant at, String deploymentId) {
    return jdbc.update("update model_proposal set state = ?, decided_by = ?, decided_at = ?, deployment_id = ?"
        + " where id = ? and state = 'PROPOSED'", state, by, Timestamp.from(at), deploymentId, id) == 1;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String limit(String text) {
    return text.length() <= 255 ? text : text.substring(0, 255);
  }
}
