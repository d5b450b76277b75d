package com.caisschool.safeguarding.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.first-administrator}: the system administrator created on the first start
 * of a new database (production has no demo users and Camunda's own first-user page is closed).
 */
@ConfigurationProperties("safeguarding.first-administrator")
public record FirstAdministratorProperties(String id, String password) {}
