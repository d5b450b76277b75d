package com.caisschool.safeguarding.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.demo-users}: whether to create the demo accounts, their password, and the
 * accounts (one for every role a case can be about or that acts on one).
 */
@ConfigurationProperties("safeguarding.demo-users")
public record DemoUserProperties(boolean enabled, String password, List<DemoUser> users) {

  public DemoUserProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }
}
