package com.caisschool.safeguarding.caseprocess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who may say who made a report ({@code safeguarding.reporter-types}): a member of staff reports as
 * themselves; only the roles in {@code onBehalfGroups} (the CPO and deputy) record a report made to
 * them in person by someone else; the channel values (email, public page) are set by those channels
 * alone, where nobody is logged in: the start form does not offer them, and {@code channelOnly} gives
 * what people read for them (value: label).
 */
public record ReporterTypes(String ownReport, List<String> onBehalfGroups, Map<String, String> channelOnly) {

  /** The start form's "Who is reporting?". */
  public static final String VARIABLE = "reporterType";

  public ReporterTypes {
    channelOnly = channelOnly == null ? Map.of() : new LinkedHashMap<>(channelOnly);
  }

  /** The values only a channel sets (the form offers them to nobody), with what people read for them. */
  public Map<String, String> channelLabels() {
    return channelOnly;
  }

  public List<String> channelValues() {
    return List.copyOf(channelOnly.keySet());
  }

  /** Refuses a reporter type the person submitting may not choose. */
  public void check(String reporterType, Authentication submitter) {
    if (reporterType == null || reporterType.isBlank() || reporterType.equals(ownReport) || submitter == null) {
      return;
    }
    if (channelOnly.containsKey(reporterType)) {
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
