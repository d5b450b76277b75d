package com.caisschool.safeguarding.identity;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells whether an account's stored password hash matches the demo password. It compares the
 * stored hash instead of calling IdentityService#checkPassword, because a failed check counts as
 * a failed login and would lock real accounts after a few restarts.
 */
@Component
class DemoPasswordCheck {

  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  DemoPasswordCheck(JdbcTemplate jdbc, ProcessEngineConfiguration engineConfiguration) {
    this.jdbc = jdbc;
    this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
  }

  /** Camunda stores hash(password + salt); see UserEntity. */
  boolean stillUsesDemoPassword(String userId, String demoPassword) {
    return jdbc.query("select PWD_, SALT_ from ACT_ID_USER where ID_ = ?",
            rs -> rs.next() ? engineConfiguration.getPasswordManager()
                .check(demoPassword + rs.getString(2), rs.getString(1)) : false,
            userId);
  }
}
