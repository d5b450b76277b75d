package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.SafeguardingProperties;
import com.caisschool.safeguarding.calendar.SchoolCalendar;
import com.caisschool.safeguarding.atrest.AtRestProperties;
import com.caisschool.safeguarding.notification.NotificationEmails;
import com.caisschool.safeguarding.notification.NotificationProperties;
import com.caisschool.safeguarding.security.CaseSubjects;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rota, the school's hours, and the beans the urgent-alert model calls by name. */
@Configuration
class OnCallConfig {

  @Bean
  OnCallRota onCallRota(JdbcTemplate jdbc) {
    return new OnCallRota(jdbc);
  }

  @Bean
  SchoolHours schoolHours(OnCallProperties onCall, SafeguardingProperties properties, SchoolCalendar calendar) {
    return new SchoolHours(onCall.schoolHours(), properties.schoolTimeZone(), calendar::isWorkingDay);
  }

  /** Keyed by the blind index's key (secret in production, refused there when it is the published one). */
  @Bean
  AcknowledgementLinks acknowledgementLinks(AtRestProperties atRest, SafeguardingProperties properties) {
    return new AcknowledgementLinks(Base64.getDecoder().decode(atRest.indexKey()), properties.publicBaseUrl());
  }

  @Bean
  UrgentMessage urgentMessage(NotificationProperties notifications, SafeguardingProperties properties,
      AcknowledgementLinks links) {
    return new UrgentMessage(new NotificationEmails(notifications.subjectPrefix(), notifications.kinds(),
        properties.publicBaseUrl()), links);
  }

  @Bean
  NextOnCall nextOnCall(OnCallRota rota, CaseSubjects subjects) {
    return new NextOnCall(rota, subjects);
  }

  @Bean
  RobotChannel onCallRobot(OnCallProperties onCall, UrgentMessage message, OnCallRota rota) {
    return new RobotChannel(onCall.robot(), message, rota, new ChannelPost(onCall.timeout()));
  }

  @Bean
  SmsChannel onCallSms(OnCallProperties onCall, UrgentMessage message, OnCallRota rota) {
    return new SmsChannel(onCall.sms(), message, rota, new ChannelPost(onCall.timeout()));
  }
}
