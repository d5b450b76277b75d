package com.caisschool.safeguarding.identity;

import java.util.List;

/** One demonstration account of the embedded default ({@code safeguarding.demo-users.users}). */
public record DemoUser(String id, String firstName, String lastName, List<String> groups) {

  public DemoUser {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
