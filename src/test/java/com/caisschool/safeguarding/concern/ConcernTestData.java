package com.caisschool.safeguarding.concern;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** A report as a teacher fills it in (scenario 1 of the design: bruises on the arm). Invented names. */
public final class ConcernTestData {

  public static final OffsetDateTime MONDAY_10_40 = OffsetDateTime.parse("2026-11-23T10:40:00+08:00");

  private ConcernTestData() {}

  public static Map<String, Object> bruiseReport() {
    Map<String, Object> report = new HashMap<>();
    report.put("childName", "Lina Okafor-Testchild");
    report.put("childGrade", "Grade 3");
    report.put("categories", "physical-abuse");
    report.put("immediateDanger", false);
    report.put("concernAbout", "family-member");
    report.put("concernAroseAt", Date.from(MONDAY_10_40.minusMinutes(25).toInstant()));
    report.put("location", "Classroom 3B");
    report.put("disclosure", "Dad grabs me when he is angry");
    report.put("observations", "Finger-mark bruises on the upper left arm");
    return report;
  }

  public static Map<String, Object> with(Map<String, Object> report, Object... keyValues) {
    Map<String, Object> changed = new HashMap<>(report);
    for (int i = 0; i < keyValues.length; i += 2) {
      changed.put((String) keyValues[i], keyValues[i + 1]);
    }
    return changed;
  }
}
