package com.caisschool.safeguarding.startpage;

import com.caisschool.safeguarding.caseprocess.CaseDeclaration;
import com.caisschool.safeguarding.labels.Labels;
import com.caisschool.safeguarding.oncall.UrgentAlerts;
import com.caisschool.safeguarding.security.SystemAccess;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the page a person lands on after signing in shows them (issue 23): the processes they may
 * start (their start authorizations: CREATE_INSTANCE on the definition and CREATE on instances), a
 * report first, by the names the models give them; and their own reports of the last days, each
 * with its case reference and the roles that have been alerted (never names, never facts).
 */
@Component
class StartPage {

  /** How far back "your reports" look. */
  static final Duration RECENT = Duration.ofDays(7);
  /** How long after a start its confirmation can be fetched: the moments right after "Start". */
  static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(10);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final RepositoryService repository;
  private final AuthorizationService authorizations;
  private final IdentityService identities;
  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final Labels labels;

  StartPage(RepositoryService repository, AuthorizationService authorizations, IdentityService identities,
      HistoryService history, JdbcTemplate jdbc, Labels labels) {
    this.repository = repository;
    this.authorizations = authorizations;
    this.identities = identities;
    this.history = history;
    this.jdbc = jdbc;
    this.labels = labels;
  }

  /** A process the person may start; {@code report}: it opens a case (a concern of some kind). */
  record Startable(String key, String name, boolean report) {}

  /**
   * One of the person's own reports: its reference, when, what, and who has been alerted so far
   * (the roles, by group id, and whether the person on call was).
   */
  record OwnReport(String caseReference, String reportedAt, String process, List<String> alertedGroups,
      boolean onCallAlerted) {

    public boolean alertsSent() {
      return !alertedGroups.isEmpty() || onCallAlerted;
    }
  }

  List<Startable> startable(String userId) {
    return SystemAccess.run(identities, () -> {
      List<String> groups = identities.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      if (!authorizations.isUserAuthorized(userId, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE)) {
        return List.of();
      }
      List<Startable> startable = new ArrayList<>();
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().active()
          .startableInTasklist().orderByProcessDefinitionName().asc().list()) {
        if (authorizations.isUserAuthorized(userId, groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
            definition.getKey())) {
          Process process = repository.getBpmnModelInstance(definition.getId()).getModelElementById(definition.getKey());
          startable.add(new Startable(definition.getKey(), definition.getName() == null ? labels.processName(definition.getKey())
              : definition.getName(), process != null && CaseDeclaration.isCase(process)));
        }
      }
      // The general concern first: "start here if unsure".
      startable.sort((a, b) -> Boolean.compare(!a.key().equals("safeguarding-concern"), !b.key().equals("safeguarding-concern")));
      return startable;
    });
  }

  List<OwnReport> ownReports(String userId, ZoneId zone) {
    Date since = Date.from(ClockUtil.getCurrentTime().toInstant().minus(RECENT));
    List<HistoricProcessInstance> started = SystemAccess.run(identities, () -> history.createHistoricProcessInstanceQuery()
        .startedBy(userId).startedAfter(since).orderByProcessInstanceStartTime().desc().list());
    return started.stream().filter(instance -> instance.getBusinessKey() != null)
        .map(instance -> report(instance, zone)).toList();
  }

  /**
   * The report the person started moments ago (within {@link #CONFIRMATION_WINDOW}), for the
   * confirmation Tasklist shows after "Start"; empty for anyone else's, an older one, or a start
   * that opened no case.
   */
  Optional<OwnReport> justStarted(String userId, String processInstanceId, ZoneId zone) {
    Date since = Date.from(ClockUtil.getCurrentTime().toInstant().minus(CONFIRMATION_WINDOW));
    HistoricProcessInstance instance = SystemAccess.run(identities, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).startedBy(userId).startedAfter(since).singleResult());
    return instance == null || instance.getBusinessKey() == null ? Optional.empty() : Optional.of(report(instance, zone));
  }

  private OwnReport report(HistoricProcessInstance instance, ZoneId zone) {
    Set<String> alerted = new LinkedHashSet<>();
    jdbc.queryForList("select recipients from notification where case_reference = ? order by id", String.class,
        instance.getBusinessKey()).forEach(recipients -> List.of(recipients.split(",")).forEach(alerted::add));
    // An urgent alert out of school hours also goes to the person on call (oncall/UrgentAlerts).
    boolean onCall = SystemAccess.run(identities, () -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(UrgentAlerts.PROCESS_KEY).processInstanceBusinessKey(instance.getBusinessKey()).count()) > 0;
    return new OwnReport(instance.getBusinessKey(), WHEN.format(instance.getStartTime().toInstant().atZone(zone)),
        labels.processName(instance.getProcessDefinitionKey()), List.copyOf(alerted), onCall);
  }
}
