package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.atrest.BlindIndex;
import com.caisschool.safeguarding.atrest.ClearValues;
import com.caisschool.safeguarding.atrest.FieldCipher;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case file's rows written before protection at rest (or under a retired key): each child's
 * names and student id are encrypted and their index filled, as are the chronology's texts and
 * reasons and the retention decisions' reasons. A row is rewritten only if it is still as read.
 */
@Component
class CaseFileValuesEncryption implements ClearValues {

  private final JdbcTemplate jdbc;
  private final FieldCipher cipher;
  private final BlindIndex index;

  CaseFileValuesEncryption(JdbcTemplate jdbc, FieldCipher cipher, BlindIndex index) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.index = index;
  }

  @Override
  public int encrypt() {
    return children() + texts("chronology_entry", "details") + texts("chronology_entry", "reason")
        + texts("retention_review", "reason");
  }

  /** A child's three searchable values, each with its index. */
  private int children() {
    int done = 0;
    String current = cipher.currentPrefix() + "%";
    for (Map<String, Object> row : jdbc.queryForList("select id, name, name_index, student_id, student_id_index,"
        + " other_name, other_name_index from child where name not like ? or name_index is null"
        + " or student_id is not null and (student_id not like ? or student_id_index is null)"
        + " or other_name is not null and (other_name not like ? or other_name_index is null)", current, current,
        current)) {
      String name = (String) row.get("name");
      String studentId = (String) row.get("student_id");
      String otherName = (String) row.get("other_name");
      if (!(stale(name, row.get("name_index")) || stale(studentId, row.get("student_id_index"))
          || stale(otherName, row.get("other_name_index")))) {
        continue;
      }
      String clearName = cipher.decrypt(name);
      String clearId = cipher.decrypt(studentId);
      String clearOther = cipher.decrypt(otherName);
      done += jdbc.update("update child set name = ?, name_index = ?, student_id = ?, student_id_index = ?,"
              + " other_name = ?, other_name_index = ? where id = ? and name = ?",
          cipher.encrypt(clearName), index.of(clearName), clearId == null ? null : cipher.encrypt(clearId),
          index.of(clearId), clearOther == null ? null : cipher.encrypt(clearOther), index.of(clearOther),
          row.get("id"), name);
    }
    return done;
  }

  private boolean stale(String stored, Object storedIndex) {
    return stored != null && (!FieldCipher.isEncrypted(stored) || cipher.needsReencryption(stored)
        || !Objects.equals(index.of(cipher.decrypt(stored)), storedIndex));
  }

  private int texts(String table, String column) {
    int done = 0;
    for (Map<String, Object> row : jdbc.queryForList("select id, " + column + " from " + table + " where " + column
        + " is not null and " + column + " not like ?", cipher.currentPrefix() + "%")) {
      String stored = (String) row.get(column);
      if (FieldCipher.isEncrypted(stored) && !cipher.needsReencryption(stored)) {
        continue;
      }
      done += jdbc.update("update " + table + " set " + column + " = ? where id = ? and " + column + " = ?",
          cipher.encrypt(cipher.decrypt(stored)), row.get("id"), stored);
    }
    return done;
  }
}
