package com.caisschool.safeguarding.casefile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The children the case file knows. A report names a child by student id where it has one, else
 * by name: the same name (ignoring case and surrounding spaces) is taken to be the same child.
 */
@Repository
public class Children {

  private static final String COLUMNS = "id, student_id, name, grade, date_of_birth, left_school_on";

  private final JdbcTemplate jdbc;

  Children(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The child a report names, recorded on first mention. */
  public long findOrAdd(String studentId, String name, String grade, Instant now) {
    Optional<Child> known = studentId != null && !studentId.isBlank()
        ? first("select " + COLUMNS + " from child where student_id = ?", studentId.trim())
        : first("select " + COLUMNS + " from child where lower(trim(name)) = ? order by id",
            name.trim().toLowerCase(Locale.ROOT));
    if (known.isPresent()) {
      return known.get().id();
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement(
          "insert into child (student_id, name, grade, created_at) values (?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, studentId == null || studentId.isBlank() ? null : studentId.trim());
      insert.setString(2, name.trim());
      insert.setString(3, grade);
      insert.setTimestamp(4, Timestamp.from(now));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  public Optional<Child> find(long id) {
    return first("select " + COLUMNS + " from child where id = ?", id);
  }

  public List<Child> all() {
    return jdbc.query("select " + COLUMNS + " from child order by name", Children::child);
  }

  /** The CPO completes the child's record: student id, date of birth, the day they left the school. */
  public void update(long id, String studentId, LocalDate dateOfBirth, LocalDate leftSchoolOn) {
    jdbc.update("update child set student_id = ?, date_of_birth = ?, left_school_on = ? where id = ?",
        studentId == null || studentId.isBlank() ? null : studentId.trim(),
        dateOfBirth == null ? null : Date.valueOf(dateOfBirth),
        leftSchoolOn == null ? null : Date.valueOf(leftSchoolOn), id);
  }

  private Optional<Child> first(String sql, Object... arguments) {
    return jdbc.query(sql, Children::child, arguments).stream().findFirst();
  }

  private static Child child(ResultSet row, int n) throws SQLException {
    Date born = row.getDate("date_of_birth");
    Date left = row.getDate("left_school_on");
    return new Child(row.getLong("id"), row.getString("student_id"), row.getString("name"), row.getString("grade"),
        born == null ? null : born.toLocalDate(), left == null ? null : left.toLocalDate());
  }
}
