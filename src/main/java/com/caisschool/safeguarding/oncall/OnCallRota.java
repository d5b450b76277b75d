package com.caisschool.safeguarding.oncall;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The on-call rota (tables {@code on_call_rota} and {@code on_call_contact}): who is on call on a
 * day, in the order they are alerted, and the mobile number each receives text messages on.
 */
public class OnCallRota {

  /** One row of the rota: a person on call from one day to another, at a place in the order. */
  public record Entry(long id, LocalDate from, LocalDate to, int position, String userId) {}

  /** A person's mobile number for urgent text messages. */
  public record Contact(String userId, String mobile) {}

  private final JdbcTemplate jdbc;

  public OnCallRota(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The people on call on this day, first to be alerted first (each person once). */
  public List<String> onCall(LocalDate day) {
    return jdbc.queryForList("select user_id from on_call_rota where from_date <= ? and to_date >= ?"
        + " order by position, id", String.class, Date.valueOf(day), Date.valueOf(day))
        .stream().distinct().toList();
  }

  /** Rows that still apply on or after this day, in date order. */
  public List<Entry> from(LocalDate day) {
    return jdbc.query("select id, from_date, to_date, position, user_id from on_call_rota where to_date >= ?"
            + " order by from_date, position, id",
        (row, i) -> new Entry(row.getLong(1), row.getDate(2).toLocalDate(), row.getDate(3).toLocalDate(),
            row.getInt(4), row.getString(5)), Date.valueOf(day));
  }

  public void add(LocalDate from, LocalDate to, int position, String userId) {
    jdbc.update("insert into on_call_rota (from_date, to_date, position, user_id) values (?, ?, ?, ?)",
        Date.valueOf(from), Date.valueOf(to), position, userId);
  }

  public void remove(long id) {
    jdbc.update("delete from on_call_rota where id = ?", id);
  }

  public List<Contact> contacts() {
    return jdbc.query("select user_id, mobile from on_call_contact order by user_id",
        (row, i) -> new Contact(row.getString(1), row.getString(2)));
  }

  public Optional<String> mobileOf(String userId) {
    return jdbc.queryForList("select mobile from on_call_contact where user_id = ?", String.class, userId)
        .stream().findFirst();
  }

  /** Sets (or, with a blank number, removes) a person's mobile number. */
  public void setMobile(String userId, String mobile) {
    jdbc.update("delete from on_call_contact where user_id = ?", userId);
    if (mobile != null && !mobile.isBlank()) {
      jdbc.update("insert into on_call_contact (user_id, mobile) values (?, ?)", userId, mobile.trim());
    }
  }
}
