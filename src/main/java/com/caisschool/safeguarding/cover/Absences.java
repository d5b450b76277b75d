package com.caisschool.safeguarding.cover;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The recorded absences (table {@code cover_absence}); a cancelled one is kept but no longer counts. */
@Repository
public class Absences {

  private static final String COLUMNS = "id, absent_user, absent_from, absent_to, cover_user, recorded_by, recorded_at";

  private final JdbcTemplate jdbc;

  Absences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long record(String absentUser, LocalDate from, LocalDate to, String coverUser, String recordedBy, Instant at) {
    var key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into cover_absence (absent_user, absent_from, absent_to,"
          + " cover_user, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, absentUser);
      insert.setDate(2, Date.valueOf(from));
      insert.setDate(3, Date.valueOf(to));
      insert.setString(4, coverUser);
      insert.setString(5, recordedBy);
      insert.setTimestamp(6, Timestamp.from(at));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  /** Cancels an absence that is still in force; false when there is none with this id. */
  boolean cancel(long id, String cancelledBy, Instant at) {
    return jdbc.update("update cover_absence set cancelled_by = ?, cancelled_at = ? where id = ? and cancelled_at is null",
        cancelledBy, Timestamp.from(at), id) == 1;
  }

  /** The absences in force on this day. */
  public List<Absence> on(LocalDate day) {
    return jdbc.query("select " + COLUMNS + " from cover_absence where cancelled_at is null and absent_from <= ?"
        + " and absent_to >= ? order by absent_from, id", this::absence, Date.valueOf(day), Date.valueOf(day));
  }

  /** The absences in force that end on or after this day: today's and the planned ones. */
  public List<Absence> from(LocalDate day) {
    return jdbc.query("select " + COLUMNS + " from cover_absence where cancelled_at is null and absent_to >= ?"
        + " order by absent_from, id", this::absence, Date.valueOf(day));
  }

  private Absence absence(ResultSet row, int n) throws SQLException {
    return new Absence(row.getLong("id"), row.getString("absent_user"), row.getDate("absent_from").toLocalDate(),
        row.getDate("absent_to").toLocalDate(), row.getString("cover_user"), row.getString("recorded_by"),
        row.getTimestamp("recorded_at").toInstant());
  }
}
