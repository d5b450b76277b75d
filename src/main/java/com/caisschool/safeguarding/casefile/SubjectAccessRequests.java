package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.atrest.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's request to see their data (table {@code subject_access_request}): the CPO prepares the
 * export of the child's file (who asked, what is withheld to protect a child and why); a second
 * person, never the one who prepared it, approves it with a reason; only then is it released, and
 * the release is recorded. Who asked and the notes are stored encrypted.
 */
@Component
class SubjectAccessRequests {

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;

  SubjectAccessRequests(JdbcTemplate jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  void prepare(long childId, String requestedBy, String withheld, String preparedBy) {
    requireText(requestedBy, "Say who asked to see the data.");
    requireText(withheld, "Say what is withheld to protect a child, and why (or 'nothing withheld').");
    jdbc.update("insert into subject_access_request (child_id, requested_by, withheld, prepared_by, prepared_at)"
            + " values (?, ?, ?, ?, ?)", childId, cipher.encrypt(requestedBy.trim()), cipher.encrypt(withheld.trim()),
        preparedBy, Timestamp.from(EngineTime.now()));
  }

  /** The second person's approval: refused to the one who prepared it, and without a reason. */
  void approve(long requestId, String approvedBy, String reason) {
    Request request = find(requestId);
    requireText(reason, "Give the reason for approving this export.");
    if (request.preparedBy().equals(approvedBy)) {
      throw new IllegalArgumentException("A second person approves this export: you prepared it.");
    }
    if (request.approvedBy() != null) {
      throw new IllegalArgumentException("This export is already approved.");
    }
    jdbc.update("update subject_access_request set approved_by = ?, approved_at = ?, approval_reason = ?"
        + " where id = ? and approved_by is null", approvedBy, Timestamp.from(EngineTime.now()),
        cipher.encrypt(reason.trim()), requestId);
  }

  /** The approved request, its release recorded (the first release and who made it). */
  Request release(long requestId, String releasedBy) {
    Request request = find(requestId);
    if (request.approvedBy() == null) {
      throw new IllegalArgumentException("This export is not approved yet: a second person approves it first.");
    }
    jdbc.update("update subject_access_request set released_by = ?, released_at = ? where id = ? and released_at is null",
        releasedBy, Timestamp.from(EngineTime.now()), requestId);
    return find(requestId);
  }

  Request find(long requestId) {
    return jdbc.query("select * from subject_access_request where id = ?", this::request, requestId).stream()
        .findFirst().orElseThrow(() -> new IllegalArgumentException("No such request."));
  }

  List<Request> all() {
    return jdbc.query("select * from subject_access_request order by prepared_at desc, id desc", this::request);
  }

  private Request request(ResultSet row, int n) throws SQLException {
    return new Request(row.getLong("id"), row.getLong("child_id"), cipher.decrypt(row.getString("requested_by")),
        cipher.decrypt(row.getString("withheld")), row.getString("prepared_by"), instant(row, "prepared_at"),
        row.getString("approved_by"), instant(row, "approved_at"), cipher.decrypt(row.getString("approval_reason")),
        row.getString("released_by"), instant(row, "released_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  private static void requireText(String text, String message) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(message);
    }
  }

  /** One request and where it stands. */
  record Request(long id, long childId, String requestedBy, String withheld, String preparedBy, Instant preparedAt,
      String approvedBy, Instant approvedAt, String approvalReason, String releasedBy, Instant releasedAt) {}
}
