package com.caisschool.safeguarding.testing;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * The people the PostgreSQL tests act as, created as an administrator would in Camunda Admin
 * (the postgres profile has no demo users). Idempotent: the nodes share one database.
 */
public final class PostgresUsers {

  public static final String TEACHER = "pg.teacher";
  public static final String CPO = "pg.cpo";
  public static final String DEPUTY = "pg.deputy";
  /** Created by the application itself on the first start (safeguarding.first-administrator). */
  public static final String ADMIN = "pg.admin";

  private static final Map<String, List<String>> GROUPS = Map.of(
      TEACHER, List.of("staff"),
      CPO, List.of("cpo", "staff", "case-study-team"),
      DEPUTY, List.of("dcpo", "staff", "case-study-team"));

  private PostgresUsers() {}

  public static synchronized void ensure(IdentityService identityService) {
    GROUPS.forEach((id, groups) -> ensure(identityService, id, groups));
  }

  /** A user of the tests' password in the given groups, made unless it exists. */
  public static synchronized void ensure(IdentityService identityService, String id, List<String> groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(id);
      user.setLastName("Postgres test");
      user.setEmail(id + "@school.invalid");
      user.setPassword(PostgresNode.PASSWORD);
      identityService.saveUser(user);
      groups.forEach(group -> identityService.createMembership(id, group));
    }
  }
}
