package com.caisschool.safeguarding.cover;

import java.util.List;

/**
 * Who takes a role's new tasks and alerts while every member of the role is away: the absent
 * members and the people covering (a named cover, else the first fallback role with someone present).
 */
public record Cover(String role, List<String> absentUsers, List<String> coverUsers) {

  public Cover {
    absentUsers = List.copyOf(absentUsers);
    coverUsers = List.copyOf(coverUsers);
  }
}
