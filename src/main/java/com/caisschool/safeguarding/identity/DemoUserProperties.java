package com.caisschool.safeguarding.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code safeguarding.demo-users}: whether to create the demo accounts, and their password. */
@ConfigurationProperties("safeguarding.demo-users")
public record DemoUserProperties(boolean enabled, String password) {}
