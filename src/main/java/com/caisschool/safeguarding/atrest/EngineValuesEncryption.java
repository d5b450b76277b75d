package com.caisschool.safeguarding.atrest;

import com.caisschool.safeguarding.input.LongTextSerializer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites the engine's String variables stored before protection at rest, or under a retired
 * key, encrypted under the current key (runtime, history and history details): values found in
 * clear go to the byte array table, the text column emptied (as {@link ProtectedTextSerializer}
 * writes a long value; it reads both); values under a retired key are re-encrypted where they are; a form
 * property's clear copy in the history details becomes the marker. Variables of
 * {@code clear-variables} stay as they are. Each value is rewritten in its own transaction, only
 * if it is still as read (a change by the engine meanwhile wins), so it can run again at any time.
 */
@Component
class EngineValuesEncryption implements ClearValues {

  /** The engine's variable tables: the table, its type column, its byte array resource type, its extra filter. */
  private record VariableTable(String table, String typeColumn, int resourceType, String only, boolean history) {}

  /** What stands in place of an answer in an earlier version's "form property" row. */
  static final String FORM_PROPERTY_MARKER = "[protected: kept encrypted in the variable]";

  private static final List<VariableTable> TABLES = List.of(
      new VariableTable("ACT_RU_VARIABLE", "TYPE_", ResourceTypes.RUNTIME.getValue(), "", false),
      new VariableTable("ACT_HI_VARINST", "VAR_TYPE_", ResourceTypes.HISTORY.getValue(), "", true),
      new VariableTable("ACT_HI_DETAIL", "VAR_TYPE_", ResourceTypes.HISTORY.getValue(), " and TYPE_ = 'VariableUpdate'", true));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final FieldCipher cipher;
  private final Set<String> clearVariables;

  EngineValuesEncryption(JdbcTemplate jdbc, TransactionTemplate transaction, FieldCipher cipher,
      AtRestProperties properties) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.cipher = cipher;
    this.clearVariables = Set.copyOf(properties.clearVariables());
  }

  /** Rewrites every engine value still in clear or under a retired key; returns how many it rewrote. */
  @Override
  public int encrypt() {
    int rewritten = 0;
    for (VariableTable table : TABLES) {
      rewritten += encryptClearText(table) + encryptLongText(table)
          + (cipher.hasRetiredKeys() ? reencryptRetiredKey(table) + reencryptRetiredKeyInText(table) : 0);
    }
    return rewritten + markFormProperties();
  }

  /** The engine's own String serializer: the text in the text column. */
  private int encryptClearText(VariableTable table) {
    int done = 0;
    for (Map<String, Object> row : jdbc.queryForList("select ID_, NAME_, TEXT_" + (table.history()
        ? ", ROOT_PROC_INST_ID_, REMOVAL_TIME_" : "") + " from " + table.table() + " where " + table.typeColumn()
        + " = 'string' and TEXT_ is not null" + table.only())) {
      String name = (String) row.get("NAME_");
      if (clearVariables.contains(name)) {
        continue;
      }
      String text = (String) row.get("TEXT_");
      Boolean changed = transaction.execute(status -> {
        String bytes = UUID.randomUUID().toString();
        jdbc.update("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, BYTES_, TYPE_, CREATE_TIME_, ROOT_PROC_INST_ID_,"
            + " REMOVAL_TIME_) values (?, 1, ?, ?, ?, ?, ?, ?)", bytes, name, encrypted(text), table.resourceType(),
            Timestamp.from(Instant.now()), row.get("ROOT_PROC_INST_ID_"), row.get("REMOVAL_TIME_"));
        int updated = jdbc.update("update " + table.table() + " set " + table.typeColumn() + " = ?, TEXT_ = null,"
            + " BYTEARRAY_ID_ = ?" + (table.history() ? "" : ", REV_ = REV_ + 1") + " where ID_ = ? and "
            + table.typeColumn() + " = 'string' and TEXT_ = ?", ProtectedTextSerializer.NAME, bytes, row.get("ID_"), text);
        if (updated == 0) {
          status.setRollbackOnly();
        }
        return updated > 0;
      });
      done += Boolean.TRUE.equals(changed) ? 1 : 0;
    }
    return done;
  }

  /** Long texts kept in clear bytes before encryption ({@link LongTextSerializer}). */
  private int encryptLongText(VariableTable table) {
    return rewriteBytes(table, LongTextSerializer.NAME, bytes -> encrypted(new String(bytes, StandardCharsets.UTF_8)));
  }

  /** Values under a key no longer current (after a rotation): decrypted, and encrypted under the current one. */
  private int reencryptRetiredKey(VariableTable table) {
    return rewriteBytes(table, ProtectedTextSerializer.NAME, bytes -> {
      String stored = new String(bytes, StandardCharsets.UTF_8);
      return cipher.needsReencryption(stored) ? encrypted(cipher.decrypt(stored)) : null;
    });
  }

  /** The same for values kept encrypted in the text column ({@link ProtectedTextSerializer#ENCRYPTED}). */
  private int reencryptRetiredKeyInText(VariableTable table) {
    int done = 0;
    for (Map<String, Object> row : jdbc.queryForList("select ID_, TEXT_ from " + table.table() + " where "
        + table.typeColumn() + " = ? and TEXT2_ = ?" + table.only(), ProtectedTextSerializer.NAME,
        ProtectedTextSerializer.ENCRYPTED)) {
      String stored = (String) row.get("TEXT_");
      if (cipher.needsReencryption(stored)) {
        done += jdbc.update("update " + table.table() + " set TEXT_ = ?" + (table.history() ? "" : ", REV_ = REV_ + 1")
            + " where ID_ = ? and TEXT_ = ?", cipher.encrypt(cipher.decrypt(stored)), row.get("ID_"), stored);
      }
    }
    return done;
  }

  private int rewriteBytes(VariableTable table, String type, java.util.function.Function<byte[], byte[]> rewrite) {
    int done = 0;
    for (Map<String, Object> row : jdbc.queryForList("select v.ID_, v.BYTEARRAY_ID_, b.BYTES_ from " + table.table()
        + " v join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_ where v." + table.typeColumn() + " = ?"
        + table.only().replace(" TYPE_", " v.TYPE_"), type)) {
      byte[] rewritten = rewrite.apply((byte[]) row.get("BYTES_"));
      if (rewritten == null) {
        continue;
      }
      Integer updated = transaction.execute(status -> {
        int bytes = jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ?, REV_ = REV_ + 1 where ID_ = ?", rewritten,
            row.get("BYTEARRAY_ID_"));
        return bytes + jdbc.update("update " + table.table() + " set " + table.typeColumn() + " = ?"
            + (table.history() ? "" : ", REV_ = REV_ + 1") + " where ID_ = ? and " + table.typeColumn() + " = ?",
            ProtectedTextSerializer.NAME, row.get("ID_"), type);
      });
      done += updated != null && updated > 1 ? 1 : 0;
    }
    return done;
  }

  /**
   * A submitted answer's clear copy as a "form property" in the history details, as versions before
   * issue 25's fifth round wrote it (none is written now: {@code input/LongTextHistory}).
   */
  private int markFormProperties() {
    int done = 0;
    for (Map<String, Object> row : jdbc.queryForList("select ID_, NAME_ from ACT_HI_DETAIL where TYPE_ = 'FormProperty'"
        + " and TEXT_ is not null and TEXT_ <> ?", FORM_PROPERTY_MARKER)) {
      if (!clearVariables.contains((String) row.get("NAME_"))) {
        done += jdbc.update("update ACT_HI_DETAIL set TEXT_ = ? where ID_ = ?", FORM_PROPERTY_MARKER, row.get("ID_"));
      }
    }
    return done;
  }

  private byte[] encrypted(String text) {
    return cipher.encrypt(text).getBytes(StandardCharsets.UTF_8);
  }
}
