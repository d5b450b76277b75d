package com.caisschool.safeguarding.oncall;

import com.caisschool.safeguarding.oncall.OnCallProperties.Sms;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${onCallSms}}: sends the urgent message as a text message through the school's HTTP SMS
 * gateway: the configured body template with {@code {mobile}} and {@code {text}} filled in, the
 * credential in the configured header. A person on call without a mobile number on the rota fails
 * (an incident tells the CPO to add it). Does nothing when no gateway is configured.
 */
public class SmsChannel implements JavaDelegate {

  private final Sms sms;
  private final UrgentMessage message;
  private final OnCallRota rota;
  private final ChannelPost post;

  SmsChannel(Sms sms, UrgentMessage message, OnCallRota rota, ChannelPost post) {
    this.sms = sms;
    this.message = message;
    this.rota = rota;
    this.post = post;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!sms.configured()) {
      return;
    }
    String mobile = rota.mobileOf(UrgentMessage.person(execution)).orElseThrow(() -> new IllegalStateException(
        "The person on call has no mobile number on the rota: add it on /on-call, then retry this job"));
    String body = sms.bodyTemplate().replace("{mobile}", escape(mobile)).replace("{text}", escape(message.textFor(execution)));
    Map<String, String> headers = sms.authValue() == null || sms.authValue().isBlank() ? Map.of()
        : Map.of(sms.authHeader(), sms.authValue());
    post.post("The SMS gateway", sms.url(), sms.contentType(), headers, body);
  }

  private String escape(String value) {
    return sms.contentType().toLowerCase(java.util.Locale.ROOT).contains("json")
        ? new String(JsonStringEncoder.getInstance().quoteAsString(value))
        : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
