package com.caisschool.safeguarding.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code safeguarding.on-call}: which kinds of alert are urgent, the school's hours (outside them
 * urgent alerts also go to the person on call), who edits the rota, and the two channels.
 */
@ConfigurationProperties("safeguarding.on-call")
public record OnCallProperties(
    Set<String> urgentKinds,
    SchoolHoursSetting schoolHours,
    List<String> rotaEditors,
    Robot robot,
    Sms sms,
    Duration timeout) {

  public OnCallProperties {
    urgentKinds = urgentKinds == null ? Set.of() : Set.copyOf(urgentKinds);
    rotaEditors = rotaEditors == null ? List.of() : List.copyOf(rotaEditors);
    if (schoolHours == null) {
      throw new IllegalArgumentException("safeguarding.on-call.school-hours is required");
    }
    robot = robot == null ? new Robot(null, null, null) : robot;
    sms = sms == null ? new Sms(null, null, null, null, null) : sms;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  /** From when to when the school is staffed on a school day (the school calendar's working days). */
  public record SchoolHoursSetting(LocalTime start, LocalTime end) {

    public SchoolHoursSetting {
      if (start == null || end == null || !start.isBefore(end)) {
        throw new IllegalArgumentException("safeguarding.on-call.school-hours needs a start before its end");
      }
    }
  }

  /** A WeCom or DingTalk group robot: its webhook address, the format, DingTalk's signing secret. */
  public record Robot(String url, String format, String secret) {

    public Robot {
      format = format == null || format.isBlank() ? "wecom" : format.trim().toLowerCase(java.util.Locale.ROOT);
      if (!format.equals("wecom") && !format.equals("dingtalk")) {
        throw new IllegalArgumentException("safeguarding.on-call.robot.format must be wecom or dingtalk");
      }
    }

    boolean configured() {
      return url != null && !url.isBlank();
    }
  }

  /** An HTTP SMS gateway: where to post, the header that carries the credential, the body. */
  public record Sms(String url, String authHeader, String authValue, String contentType, String bodyTemplate) {

    public Sms {
      contentType = contentType == null || contentType.isBlank() ? "application/json" : contentType;
      bodyTemplate = bodyTemplate == null || bodyTemplate.isBlank()
          ? "{\"to\":\"{mobile}\",\"message\":\"{text}\"}" : bodyTemplate;
    }

    boolean configured() {
      return url != null && !url.isBlank();
    }
  }
}
