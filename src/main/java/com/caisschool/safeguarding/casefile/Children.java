package com.caisschool.safeguarding.casefile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Comparator;
import java.util.Optional;
import com.caisschool.safeguarding.atrest.BlindIndex;
import com.caisschool.safeguarding.atrest.FieldCipher;
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
  private final FieldCipher cipher;
  private final BlindIndex index;

  Children(JdbcTemplate jdbc, FieldCipher cipher, BlindIndex index) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.index = index;
  }

  /** The child a report names, recorded on first mention. */
  public long findOrAdd(String studentId, String name, String grade, Instant now) {
    Optional<Child> known = studentId != null && !studentId.isBlank()
        ? first("select " + COLUMNS + " from child where student_id_index = ?", index.of(studentId))
        : first("select " + COLUMNS + " from child where name_index = ? or other_name_index = ? order by id",
            index.of(name), index.of(name));
    if (known.isPresent()) {
      return known.get().id();
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement(
          "insert into child (student_id, student_id_index, name, name_index, grade, created_at)"
              + " values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, studentId == null || studentId.isBlank() ? null : cipher.encrypt(studentId.trim()));
      insert.setString(2, index.of(studentId));
      insert.setString(3, cipher.encrypt(name.trim()));
      insert.setString(4, index.of(name));
      insert.setString(5, grade);
      insert.setTimestamp(6, Timestamp.from(now));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  public Optional<Child> find(long id) {
    return first("select " + COLUMNS + " from child where id = ?", id);
  }

  /** Every child, by name (decrypted here: the database holds names only encrypted). */
  public List<Child> all() {
    return jdbc.query("select " + COLUMNS + " from child", this::child).stream()
        .sorted(Comparator.comparing(Child::name)).toList();
  }

  /**
   * The children a search finds: by student id, or by name in either script, whole and ignoring
   * case and spaces (through the blind index; no partial matches, the names being encrypted).
   */
  public List<Child> search(String studentIdOrName) {
    String wanted = index.of(studentIdOrName);
    return jdbc.query("select " + COLUMNS + " from child where student_id_index = ? or name_index = ?"
        + " or other_name_index = ? order by id", this::child, wanted, wanted, wanted);
  }

  /**
   * A search on the CPO's overview: a student ID or a whole name in either script ({@link #search}),
   * or every child in a grade (grades are kept in clear: "Grade 4" finds "grade 4").
   */
  public List<Child> searchWithGrade(String studentIdOrNameOrGrade) {
    List<Child> found = new java.util.ArrayList<>(search(studentIdOrNameOrGrade));
    jdbc.query("select " + COLUMNS + " from child where lower(trim(grade)) = ? order by id", this::child,
        studentIdOrNameOrGrade.trim().toLowerCase()).stream()
        .filter(child -> found.stream().noneMatch(known -> known.id() == child.id())).forEach(found::add);
    return found;
  }

  Optional<Child> byStudentId(String studentId) {
    return first("select " + COLUMNS + " from child where student_id_index = ?", index.of(studentId));
  }

  /** Children not yet linked to a roster entry: recorded from a report without a student id. */
  List<Child> withoutStudentId() {
    return jdbc.query("select " + COLUMNS + " from child where student_id_index is null order by id", this::child);
  }

  /** The roster's record of a child: its names in both scripts, grade, date of birth and student id. */
  void fromRoster(long id, RosterEntry entry) {
    jdbc.update("update child set student_id = ?, student_id_index = ?, name = ?, name_index = ?, other_name = ?,"
            + " other_name_index = ?, grade = ?, date_of_birth = ? where id = ?",
        cipher.encrypt(entry.studentId()), index.of(entry.studentId()), cipher.encrypt(entry.name()),
        index.of(entry.name()), cipher.encrypt(entry.otherName()), index.of(entry.otherName()), entry.grade(),
        entry.dateOfBirth() == null ? null : Date.valueOf(entry.dateOfBirth()), id);
  }

  void addFromRoster(RosterEntry entry, Instant now) {
    long id = findOrAdd(entry.studentId(), entry.name(), entry.grade(), now);
    fromRoster(id, entry);
  }

  /** The child's name in the other script, as the roster gives it (null when not rostered). */
  String otherName(long id) {
    return cipher.decrypt(jdbc.queryForObject("select other_name from child where id = ?", String.class, id));
  }

  /** The CPO completes the child's record: student id, date of birth, the day they left the school. */
  public void update(long id, String studentId, LocalDate dateOfBirth, LocalDate leftSchoolOn) {
    jdbc.update("update child set student_id = ?, student_id_index = ?, date_of_birth = ?, left_school_on = ?"
            + " where id = ?",
        studentId == null || studentId.isBlank() ? null : cipher.encrypt(studentId.trim()), index.of(studentId),
        dateOfBirth == null ? null : Date.valueOf(dateOfBirth),
        leftSchoolOn == null ? null : Date.valueOf(leftSchoolOn), id);
  }

  private Optional<Child> first(String sql, Object... arguments) {
    return jdbc.query(sql, this::child, arguments).stream().findFirst();
  }

  private Child child(ResultSet row, int n) throws SQLException {
    Date born = row.getDate("date_of_birth");
    Date left = row.getDate("left_school_on");
    return new Child(row.getLong("id"), cipher.decrypt(row.getString("student_id")),
        cipher.decrypt(row.getString("name")), row.getString("grade"),
        born == null ? null : born.toLocalDate(), left == null ? null : left.toLocalDate());
  }
}
