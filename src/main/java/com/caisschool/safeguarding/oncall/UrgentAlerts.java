package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.notification.Notification;
import com.caisschool.safeguarding.notification.Notifier;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In the chain of notifiers, after the email: an alert of an urgent kind
 * ({@code safeguarding.on-call.urgent-kinds}) out of school hours also starts an
 * {@value #PROCESS_KEY} process, which alerts the person on call by robot and SMS and passes the
 * alert down the rota until someone acknowledges it. Started in the alert's own job, so the email
 * and the start are one transaction; the channels then run as jobs of their own, and a failing
 * channel never holds up the email. A night with nobody on the rota gets the email only, and a
 * warning in the log.
 */
public class UrgentAlerts implements Notifier {

  public static final String PROCESS_KEY = "urgent-alert";

  private static final Logger log = LoggerFactory.getLogger(UrgentAlerts.class);

  private final Notifier next;
  private final Set<String> urgentKinds;
  private final SchoolHours schoolHours;
  private final OnCallRota rota;
  private final Supplier<RuntimeService> runtime;

  public UrgentAlerts(Notifier next, Set<String> urgentKinds, SchoolHours schoolHours, OnCallRota rota,
      Supplier<RuntimeService> runtime) {
    this.next = next;
    this.rota = rota;
    this.urgentKinds = urgentKinds;
    this.schoolHours = schoolHours;
    this.runtime = runtime;
  }

  @Override
  public void send(Notification notification) {
    next.send(notification);
    var now = ClockUtil.getCurrentTime().toInstant();
    if (!urgentKinds.contains(notification.kind()) || !schoolHours.outOfHours(now)) {
      return;
    }
    var day = schoolHours.dutyDate(now);
    if (rota.onCall(day).isEmpty()) {
      log.warn("Urgent alert {} for {} out of school hours, but nobody is on the on-call rota for {}:"
          + " only the email went", notification.kind(), notification.caseReference(), day);
    } else {
      runtime.get().startProcessInstanceByKey(PROCESS_KEY, notification.caseReference(), Map.of(
          "caseReference", notification.caseReference(),
          "alertKind", notification.kind(),
          "dutyDate", day.toString(),
          NextOnCall.ALERTED, ""));
    }
  }
}
