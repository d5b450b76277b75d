package com.caisschool.safeguarding.identity;

import java.util.List;

/** One demonstration account of the embedded default. */
record DemoUser(String id, String firstName, String lastName, List<String> groups) {

  /** One user for every role, so a new installation can be tried end to end. */
  static final List<DemoUser> ALL = List.of(
      new DemoUser("teacher", "Tara", "Teacher", List.of("staff")),
      new DemoUser("cpo", "Casey", "Protection Officer", List.of("cpo", "staff", "case-study-team")),
      new DemoUser("deputy", "Dana", "Deputy CPO", List.of("dcpo", "staff", "case-study-team")),
      new DemoUser("counselor", "Colin", "Counselor", List.of("counselors", "staff", "case-study-team")),
      new DemoUser("principal", "Pat", "Principal", List.of("case-study-team", "staff")),
      new DemoUser("head", "Harper", "Head of School", List.of("head-of-school", "staff")),
      new DemoUser("chair", "Charlie", "Board Chair", List.of("board-chair")),
      new DemoUser("vicechair", "Val", "Board Vice Chair", List.of("board-vice-chair")),
      new DemoUser("smt", "Sam", "Senior Manager", List.of("smt", "staff")),
      new DemoUser("hr", "Hollis", "HR Officer", List.of("hr", "staff")),
      new DemoUser("tripleader", "Toby", "Trip Leader", List.of("trip-leaders", "staff")),
      new DemoUser("admin", "Alex", "Administrator", List.of("camunda-admin")));
}
