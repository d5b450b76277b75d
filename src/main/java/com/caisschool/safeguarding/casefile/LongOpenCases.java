package com.caisschool.safeguarding.casefile;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No case stays open unnoticed: a case (every process under one case reference, whatever its
 * model or model version) still open {@code long-open-after} after it was opened alerts
 * {@code long-open-alert-roles}, and again each {@code long-open-alert-every} while it stays open.
 * The alerts are the case's own chronology entries, so "when were they last told" survives
 * restarts and needs no table of its own. {@link MorningLongOpenCaseAlert} runs it every morning.
 */
@Component
public class LongOpenCases {

  static final String ALERT_KIND = "case-open-long";
  /** The step the alert is recorded under in the chronology (no model element: the whole case). */
  static final String ALERT_STEP = "long-open-case";

  private final JdbcTemplate jdbc;
  private final Notifier notifier;
  private final CaseFileProperties rules;
  private final SafeguardingProperties school;

  LongOpenCases(JdbcTemplate jdbc, Notifier notifier, CaseFileProperties rules, SafeguardingProperties school) {
    this.jdbc = jdbc;
    this.notifier = notifier;
    this.rules = rules;
    this.school = school;
  }

  /** Alerts for each case that is due now; returns their references. */
  @Transactional
  public List<String> alertDue() {
    Instant now = EngineTime.now();
    Instant openedBefore = now.atZone(school.schoolTimeZone()).minus(rules.longOpenAfter()).toInstant();
    List<String> alerted = new ArrayList<>();
    jdbc.query("select case_reference, min(case when closed_at is null then process_instance_id end) as open_process"
            + " from case_file group by case_reference"
            + " having count(closed_at) < count(*) and min(opened_at) <= ? order by case_reference",
        row -> {
          String reference = row.getString("case_reference");
          if (alertDueFor(reference, now)) {
            notifier.send(new Notification(reference, ALERT_KIND, rules.longOpenAlertRoles(),
                row.getString("open_process"), ALERT_STEP));
            alerted.add(reference);
          }
        }, Timestamp.from(openedBefore));
    return alerted;
  }

  private boolean alertDueFor(String reference, Instant now) {
    Timestamp last = jdbc.queryForObject("select max(occurred_at) from chronology_entry where case_reference = ?"
        + " and kind = ? and step_id = ?", Timestamp.class, reference, EntryKind.NOTIFICATION.name(), ALERT_STEP);
    return last == null
        || !last.toInstant().atZone(school.schoolTimeZone()).plus(rules.longOpenAlertEvery()).toInstant().isAfter(now);
  }
}
