package com.caisschool.safeguarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ApplicationYamlTest {

  /** H2's own default: fewer statements than one step of a case uses (issue 25). */
  private static final int H2_DEFAULT_STATEMENT_CACHE = 8;

  @Test
  void bothSidesDatabasesKeepAsManyParsedStatementsAsTheEmbeddedDefault() throws SQLException {
    String embedded = ApplicationYaml.properties().getProperty("spring.datasource.url");
    assertThat(embedded).startsWith("jdbc:h2:file:").contains(";QUERY_CACHE_SIZE=");
    try (Connection connection = DriverManager.getConnection(ApplicationYaml.inMemoryDatabase("settings-test"), "sa", "");
        ResultSet setting = connection.createStatement().executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
      assertThat(setting.next()).isTrue();
      int cached = Integer.parseInt(setting.getString(1));
      assertThat(cached).isGreaterThan(H2_DEFAULT_STATEMENT_CACHE)
          .isEqualTo(Integer.parseInt(embedded.replaceAll(".*;QUERY_CACHE_SIZE=(\\d+).*", "$1")));
    }
  }
}
