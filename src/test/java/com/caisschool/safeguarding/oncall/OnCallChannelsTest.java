package com.caisschool.safeguarding.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.caisschool.safeguarding.oncall.OnCallProperties.Robot;
import com.caisschool.safeguarding.oncall.OnCallProperties.SchoolHoursSetting;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of the on-call channels that need no server: hours, the robots' formats, the links. */
class OnCallChannelsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Golden Week's Thursday is a holiday; the Saturday after it a make-up working day (调休). */
  private static final LocalDate HOLIDAY = LocalDate.of(2026, 10, 1);
  private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2026, 10, 10);
  private final SchoolHours hours = new SchoolHours(new SchoolHoursSetting(LocalTime.of(7, 30), LocalTime.of(17, 30)),
      SHANGHAI, day -> day.equals(MAKE_UP_SATURDAY)
          || !day.equals(HOLIDAY) && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);

  @Test
  void outOfHoursIsEveningsNightsAndWeekendsAndANightIsTheDutyOfTheDayItStartsOn() {
    LocalDate friday = LocalDate.of(2026, 12, 4);
    assertThat(hours.outOfHours(at(friday, 10, 0))).isFalse();
    assertThat(hours.outOfHours(at(friday, 17, 29))).isFalse();
    assertThat(hours.outOfHours(at(friday, 17, 30))).isTrue();
    assertThat(hours.outOfHours(at(friday, 7, 29))).isTrue();
    assertThat(hours.outOfHours(at(friday.plusDays(1), 12, 0))).as("Saturday noon").isTrue();

    assertThat(hours.dutyDate(at(friday, 23, 0))).isEqualTo(friday);
    assertThat(hours.dutyDate(at(friday.plusDays(1), 3, 0))).as("03:00 Saturday").isEqualTo(friday);
    assertThat(hours.dutyDate(at(friday.plusDays(1), 12, 0))).isEqualTo(friday.plusDays(1));
    assertThat(hours.dutyDate(at(friday.plusDays(3), 6, 59))).as("06:59 Monday").isEqualTo(friday.plusDays(2));
  }

  @Test
  void theSchoolCalendarDecidesTheDaysAHolidayIsOutOfHoursAndAMakeUpSaturdayIsNot() {
    assertThat(hours.outOfHours(at(HOLIDAY, 10, 0))).as("a public holiday at 10:00").isTrue();
    assertThat(hours.outOfHours(at(MAKE_UP_SATURDAY, 10, 0))).as("a make-up working Saturday at 10:00").isFalse();
    assertThat(hours.outOfHours(at(MAKE_UP_SATURDAY, 20, 0))).as("the same Saturday at 20:00").isTrue();
  }

  @Test
  void weComAndDingTalkGetTheirOwnTextMessageFormat() {
    var weCom = new RobotChannel(new Robot("http://robot.invalid/send?key=k", "wecom", null), null, null, null);
    assertThat(weCom.body("text", List.of("138"))).isEqualTo(Map.of("msgtype", "text",
        "text", Map.of("content", "text", "mentioned_mobile_list", List.of("138"))));
    assertThat(weCom.url()).isEqualTo("http://robot.invalid/send?key=k");

    var dingTalk = new RobotChannel(new Robot("http://robot.invalid/robot/send?access_token=t", "DingTalk", null),
        null, null, null);
    assertThat(dingTalk.body("text", List.of("138"))).isEqualTo(Map.of("msgtype", "text",
        "text", Map.of("content", "text"), "at", Map.of("atMobiles", List.of("138"), "isAtAll", false)));
  }

  @Test
  void aSignedDingTalkRobotGetsTheTimeAndItsSignatureInTheAddress() {
    // Computed independently (Python hmac/base64) from DingTalk's published rule: HmacSHA256 of
    // "<timestamp>\n<secret>" keyed by the secret, base64, then URL-encoded into the address.
    assertThat(RobotChannel.dingTalkSign(1700000000000L, "SECtest-secret"))
        .isEqualTo("LC7hxZ4wslL+P7j7gu1hoQ+wzByekL+yWgiUMekZs0g=");
    var signed = new RobotChannel(new Robot("http://robot.invalid/robot/send?access_token=t", "dingtalk",
        "SECtest-secret"), null, null, null);
    assertThat(signed.url()).matches("http://robot\\.invalid/robot/send\\?access_token=t&timestamp=\\d+&sign=[^&+/=]+");
  }

  @Test
  void anAcknowledgementLinkNamesOneAlertAndOnePersonAndCannotBeChanged() {
    var links = new AcknowledgementLinks("key".getBytes(StandardCharsets.UTF_8), "https://safe.example/");
    String link = links.link("alert-1", "cpo");
    assertThat(link).startsWith("https://safe.example/on-call/acknowledge?token=");
    String token = link.substring(link.indexOf('=') + 1);
    assertThat(links.read(token)).contains(new AcknowledgementLinks.Acknowledgement("alert-1", "cpo"));

    var otherKey = new AcknowledgementLinks("other".getBytes(StandardCharsets.UTF_8), "https://safe.example");
    assertThat(otherKey.read(token)).isEmpty();
    String swapped = links.token("alert-1", "head").split("\\.")[0] + "." + token.split("\\.")[1];
    assertThat(links.read(swapped)).isEmpty();
    assertThat(links.read("")).isEmpty();
    assertThat(links.read(".")).isEmpty();
    assertThat(links.read("!!!.???")).isEmpty();
    assertThat(links.read(null)).isEmpty();
  }

  private static java.time.Instant at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(SHANGHAI).toInstant();
  }
}
