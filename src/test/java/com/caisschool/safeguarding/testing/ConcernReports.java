package com.caisschool.safeguarding.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A concern as the start form in Tasklist submits it through the REST API (typed values).
 * Invented names; every test child's name ends in "-Testchild" so logs can be scanned for them.
 */
public final class ConcernReports {

  public static final String SUBMIT = "/process-definition/key/safeguarding-concern/submit-form";

  private ConcernReports() {}

  /** Scenario 1 of the design: bruises on the arm, a family member suspected. */
  public static Map<String, Object> bruises(String childName) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("childName", string(childName));
    variables.put("childGrade", string("Grade 3"));
    variables.put("categories", json("[\"physical-abuse\"]"));
    variables.put("immediateDanger", Map.of("value", false, "type", "Boolean"));
    variables.put("concernAbout", string("family-member"));
    variables.put("concernAroseAt", string(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString()));
    variables.put("location", string("Classroom 3B"));
    variables.put("observations", string("Finger-mark bruises on the upper arm"));
    variables.put("disclosure", string("Dad grabs me when he is angry"));
    return variables;
  }

  /** The same report with some values replaced: {@code with(report, "concernAbout", "staff-or-volunteer")}. */
  public static Map<String, Object> with(Map<String, Object> report, String... keysAndValues) {
    Map<String, Object> changed = new HashMap<>(report);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      changed.put(keysAndValues[i], string(keysAndValues[i + 1]));
    }
    return changed;
  }

  public static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  public static Map<String, Object> json(String value) {
    return Map.of("value", value, "type", "Json");
  }

  /** Form values as {@code submit-form} takes them: {@code form("initialFacts", "...", ...)}. */
  public static Map<String, Object> form(String... keysAndValues) {
    return Map.of("variables", with(Map.of(), keysAndValues));
  }
}
