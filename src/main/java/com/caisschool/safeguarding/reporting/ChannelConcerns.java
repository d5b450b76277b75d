package com.caisschool.safeguarding.reporting;

import com.caisschool.safeguarding.security.SystemAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Starts a {@code safeguarding-concern} for a report that came in through a channel other than
 * Tasklist (the public page, the CPO mailbox). The report is opened as a case like a staff report
 * (required facts, allowed choices, case reference, 24-hour flag). A fact the start form requires
 * but the channel did not get is filled in here, once for every channel, for the CPO to complete
 * at triage. Nobody is logged in on these channels, so the start runs as the system.
 */
public class ChannelConcerns {

  public static final String PROCESS_KEY = "safeguarding-concern";
  /**
   * Stands in for a fact the start form requires but the channel does not ask for. As a child's
   * name it names nobody: the case file links such a report to no child.
   */
  public static final String NOT_GIVEN = "(not given)";

  /** What a channel report says about a fact it did not get. */
  static final Map<String, Object> NOT_REPORTED = Map.of(
      "childName", NOT_GIVEN, "childGrade", NOT_GIVEN, "location", NOT_GIVEN,
      "concernAbout", "unknown", "categories", List.of("other"), "immediateDanger", false);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public ChannelConcerns(RuntimeService runtimeService, IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** Starts the concern and returns its process instance id. Joins the caller's transaction. */
  public String start(Map<String, Object> report) {
    Map<String, Object> facts = new HashMap<>(NOT_REPORTED);
    report.forEach((name, value) -> {
      if (value != null) {
        facts.put(name, value);
      }
    });
    return SystemAccess.run(identityService,
        () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, facts).getId());
  }
}
