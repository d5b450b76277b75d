package com.caisschool.safeguarding.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads every value of every table of the application's schema, as a copy of the database would
 * give them (text as text, bytes decoded as UTF-8), and tells where any of the given texts appears.
 */
public final class DatabaseScan {

  private DatabaseScan() {}

  /** "table.column contains text" for each finding; empty when none of the texts is stored in clear. */
  public static List<String> findings(DataSource dataSource, String schema, Collection<String> texts) {
    List<String> findings = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet found = metadata.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (found.next()) {
          tables.add(found.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (Statement select = connection.createStatement();
            ResultSet rows = select.executeQuery("select * from " + schema + ".\"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              String value = asText(rows.getObject(column));
              for (String text : texts) {
                if (value != null && value.contains(text)) {
                  findings.add(table + "." + rows.getMetaData().getColumnName(column) + " contains " + text);
                }
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return findings;
  }

  private static String asText(Object value) throws SQLException {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value == null ? null : value.toString();
  }
}
