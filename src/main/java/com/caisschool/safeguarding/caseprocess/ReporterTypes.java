package com.caisschool.safeguarding.caseprocess;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may say who made a report ({@code safeguarding.reporter-types}): a member of staff reports as
 * themselves; only the roles in {@code onBehalfGroups} (the CPO and deputy) record a report made to
 * them in person by someone else; the channel values (email, public page) are set by those channels
 * alone, where nobody is logged in.
 */
public record ReporterTypes(String ownReport, List<String> onBehalfGroups, List<String> channelOnly) {

  /** Refuses a reporter type the person submitting may not choose. */
  public void check(String reporterType, Authentication submitter) {
    if (reporterType == null || reporterType.isBlank() || reporterType.equals(ownReport) || submitter == null) {
      return;
    }
    if (channelOnly.contains(reporterType)) {
      throw new BadUserRequestException("'Who is reporting?' (reporterType): '" + reporterType
          + "' is set by that channel itself. Choose how the report reached you.");
    }
    List<String> groups = submitter.getGroupIds() == null ? List.of() : submitter.getGroupIds();
    if (groups.stream().noneMatch(onBehalfGroups::contains)) {
      throw new BadUserRequestException("'Who is reporting?' (reporterType): only the CPO or the deputy"
          + " records a report made in person by someone else. Report as yourself, and tell the CPO"
          + " who told you.");
    }
  }
}
