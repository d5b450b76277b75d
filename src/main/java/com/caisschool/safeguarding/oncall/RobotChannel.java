package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.oncall.OnCallProperties.Robot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code ${onCallRobot}}: posts the urgent message to the school's WeCom or DingTalk group robot as
 * a text message, mentioning the person on call by their mobile number when the rota has one. Both
 * answer HTTP 200 with an {@code errcode} other than 0 when they refuse a message: that fails too.
 * Does nothing when no robot is configured.
 */
public class RobotChannel implements JavaDelegate {

  private final Robot robot;
  private final UrgentMessage message;
  private final OnCallRota rota;
  private final ChannelPost post;
  private final ObjectMapper json = new ObjectMapper();

  RobotChannel(Robot robot, UrgentMessage message, OnCallRota rota, ChannelPost post) {
    this.robot = robot;
    this.message = message;
    this.rota = rota;
    this.post = post;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    if (!robot.configured()) {
      return;
    }
    String text = message.textFor(execution);
    List<String> mobiles = rota.mobileOf(UrgentMessage.person(execution)).stream().toList();
    String answer = post.post("The group robot", url(), "application/json", Map.of(),
        json.writeValueAsString(body(text, mobiles)));
    JsonNode error = answer == null || answer.isBlank() ? null : json.readTree(answer).get("errcode");
    if (error != null && error.asInt() != 0) {
      throw new IllegalStateException("The group robot refused the message: errcode " + error.asInt()
          + " (check its keyword, signing secret or address)");
    }
  }

  Map<String, Object> body(String text, List<String> mobiles) {
    if (robot.format().equals("dingtalk")) {
      return Map.of("msgtype", "text", "text", Map.of("content", text),
          "at", Map.of("atMobiles", mobiles, "isAtAll", false));
    }
    return Map.of("msgtype", "text", "text", Map.of("content", text, "mentioned_mobile_list", mobiles));
  }

  /** DingTalk's signed robots ("加签") want the time and a signature of it in the address. */
  String url() {
    if (!robot.format().equals("dingtalk") || robot.secret() == null || robot.secret().isBlank()) {
      return robot.url();
    }
    long timestamp = ClockUtil.getCurrentTime().getTime();
    return robot.url() + (robot.url().contains("?") ? "&" : "?") + "timestamp=" + timestamp
        + "&sign=" + URLEncoder.encode(dingTalkSign(timestamp, robot.secret()), StandardCharsets.UTF_8);
  }

  static String dingTalkSign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(
          mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
