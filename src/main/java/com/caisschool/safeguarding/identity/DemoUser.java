package com.caisschool.safeguarding.identity;

import java.util.List;

/**
 * One demonstration account of the embedded default ({@code safeguarding.demo-users.users}); its
 * language ({@code zh-CN}, README "Languages") when it is not the school's default.
 */
public record DemoUser(String id, String firstName, String lastName, List<String> groups, String language) {

  public DemoUser {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
