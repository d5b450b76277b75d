package com.caisschool.safeguarding.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The school's roles (Camunda group id to display name), from {@code safeguarding.roles}. */
@ConfigurationProperties("safeguarding")
public record SchoolRoles(Map<String, String> roles) {

  public SchoolRoles {
    roles = roles == null ? Map.of() : new LinkedHashMap<>(roles);
  }
}
