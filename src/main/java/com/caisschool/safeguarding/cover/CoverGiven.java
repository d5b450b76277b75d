package com.caisschool.safeguarding.cover;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which tasks were offered under cover, to whom and in place of whom (table {@code cover_given}). */
@Repository
class CoverGiven {

  private final JdbcTemplate jdbc;

  CoverGiven(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String taskId, Cover cover, Instant at) {
    jdbc.update("insert into cover_given (task_id, role, absent_users, cover_users, given_at) values (?, ?, ?, ?, ?)",
        taskId, cover.role(), String.join(",", cover.absentUsers()), String.join(",", cover.coverUsers()),
        Timestamp.from(at));
  }

  /** The covers this task was offered under. */
  List<Cover> of(String taskId) {
    return jdbc.query("select role, absent_users, cover_users from cover_given where task_id = ? order by role",
        (row, n) -> new Cover(row.getString("role"), split(row.getString("absent_users")),
            split(row.getString("cover_users"))), taskId);
  }

  private static List<String> split(String users) {
    return users.isEmpty() ? List.of() : Arrays.asList(users.split(","));
  }
}
