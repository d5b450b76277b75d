package com.caisschool.safeguarding.casefile;

import static com.caisschool.safeguarding.casefile.EntryText.text;

import com.caisschool.safeguarding.input.InputLimits;
import com.caisschool.safeguarding.reporting.ChannelConcerns;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * The child a report is about, as the case file links it: found or added by student id, else by name.
 * A report that gives no name (blank, or marked not given by its channel, as an email is) links
 * to no child: two such reports are not taken to be about one child, and the CPO's view of a
 * child never gathers the cases of strangers. The CPO learns the child's name at triage.
 */
@Component
class ReportedChild {

  private final Children children;
  private final InputLimits limits;

  ReportedChild(Children children, InputLimits limits) {
    this.children = children;
    this.limits = limits;
  }

  /** The child's id in the case file, or null when the report does not name a child. */
  Long idOf(Map<String, Object> report, Instant now) {
    String name = text(report.get("childName")).trim();
    if (name.isEmpty() || ChannelConcerns.NOT_GIVEN.equals(name)) {
      return null;
    }
    String studentId = text(report.get("studentId"));
    String grade = text(report.get("childGrade"));
    fits("childName", name);
    fits("childGrade", grade);
    fits("studentId", studentId);
    return children.findOrAdd(studentId, name, grade, now);
  }

  /** Refuses the report (it is not started) when a value would not fit the child's record. */
  private void fits(String field, String value) {
    if (value.length() > limits.maxNameLength()) {
      throw new BadUserRequestException("The field '" + field + "' is longer than " + limits.maxNameLength()
          + " characters; nothing was saved. Shorten it and send again.");
    }
  }
}
